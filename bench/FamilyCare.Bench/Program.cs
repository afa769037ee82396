using System.Diagnostics;
using System.Globalization;
using DonationRegistry.FamilyCare.Domain.Planning;
using DonationRegistry.FamilyCare.Seeding;

// Usage: dotnet run -c Release --project bench/FamilyCare.Bench -- [families=500] [staff=10] [repeats=200]
var families = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var staff = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;

var input = SyntheticCareWeek.Generate(families, staff);
var cold = Stopwatch.StartNew();
var plan = AutoPlanner.Propose(input);
cold.Stop();

var times = new double[repeats];
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = 0; i < repeats; i++)
{
    var watch = Stopwatch.StartNew();
    AutoPlanner.Propose(input);
    times[i] = watch.Elapsed.TotalMilliseconds;
}
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / repeats;
Array.Sort(times);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"families {families}, staff {staff}, due items {input.Due.Count} ({input.Due.Select(d => d.FamilyId).Distinct().Count()} families), " +
    $"proposed {plan.Visits.Count}, unplanned items {plan.Unplanned.Count}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cold {cold.Elapsed.TotalMilliseconds:F2} ms; warm p50 {times[repeats / 2]:F3} ms, p99 {times[(int)(repeats * 0.99)]:F3} ms, " +
    $"max {times[^1]:F3} ms; CPU {cpu:F3} ms per plan ({repeats} runs)"));
