using System.Diagnostics;
using System.Globalization;
using DonationRegistry.Hla.Matching;
using DonationRegistry.SyntheticDonors;

namespace DonationRegistry.Hla.Bench;

/// <summary>Builds the pool, runs the patients at each criteria and prints the numbers as Markdown.</summary>
internal static class SearchBench
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    public static int Run(BenchOptions options, TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"# HSC search bench: {options.Donors:N0} donors, {options.Patients} patients, seed {options.Seed}"));
        output.WriteLine(string.Create(invariant, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average before: {LoadAverage()}"));

        var clock = Stopwatch.StartNew();
        var nomenclature = HlaNomenclature.LoadFolder(options.ImgtFolder);
        output.WriteLine(string.Create(invariant, $"release {nomenclature.Release} loaded in {clock.Elapsed.TotalSeconds:F1} s"));
        var grader = new NomenclatureGrader(nomenclature);
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);

        // Generating alone (sequential, helper D's generator), so the build time below can be split into its parts.
        clock.Restart();
        var characters = 0L;
        foreach (var donor in new SyntheticDonorGenerator(options.Seed, SyntheticPoolOptions.Default).Generate(options.Donors))
        {
            characters += donor.GlString.Length;
        }
        var generateSeconds = clock.Elapsed.TotalSeconds;

        var generator = new SyntheticDonorGenerator(options.Seed, SyntheticPoolOptions.Default);
        clock.Restart();
        var index = DonorIndex.Build(generator.Generate(options.Donors), donor => new IndexedDonor(
            donor.Id, nomenclature.ParseGlString(donor.GlString), Profile(donor)), grader, options.Parallelism);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        output.WriteLine(string.Create(invariant, $"index: {index.Count:N0} donors built in {buildSeconds:F1} s (generate + interpret GL strings + intern, {options.Parallelism} threads; generating alone takes {generateSeconds:F1} s, {characters / options.Donors} GL characters per donor)"));
        output.WriteLine(string.Create(invariant, $"distinct locus typings: {string.Join(", ", Loci.All.Select(l => $"{Loci.Name(l)} {index.DistinctLocusTypings(l):N0}"))}"));
        output.WriteLine(string.Create(invariant, $"memory: managed {Mb(managedAfter)} MB (index {Mb(managedAfter - managedBefore)} MB, release {Mb(managedBefore)} MB), working set {Mb(process.WorkingSet64)} MB, peak {Mb(process.PeakWorkingSet64)} MB"));

        var patients = generator.SamplePatients(options.Patients).Select(p => nomenclature.ParseGlString(p.GlString)).ToList();
        output.WriteLine();
        output.WriteLine("| criteria | p50 ms | p99 ms | max ms | mean ms | cold p50 / p99 ms | searches/s (1 thread) | searches/s (all cores) | matches p50 | matches max | GCs / pause ms | CPU ms per search |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, criteria) in new[] { ("10/10", MatchCriteria.TenOfTen), ("9/10", MatchCriteria.NineOfTen), ("8/10", MatchCriteria.EightOfTen) })
        {
            var requests = patients.Select(p => new PatientSearch(p, criteria, AsOf) { PageSize = options.PageSize }).ToList();
            // Pass 0 is cold (first use of each patient's typings in the grader's caches); passes 1..repeats are measured warm.
            var gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
            var pauseBefore = GC.GetTotalPauseDuration();
            var cold = new List<double>();
            var latencies = new List<double>();
            var counts = new List<int>();
            var cpuBefore = TimeSpan.Zero;
            for (var r = 0; r <= options.Repeats; r++)
            {
                if (r == 1) cpuBefore = CpuTime();
                foreach (var request in requests)
                {
                    var start = Stopwatch.GetTimestamp();
                    var result = index.Search(request);
                    (r == 0 ? cold : latencies).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (r == 0) counts.Add(result.TotalCount);
                }
            }
            var cpuPerSearch = (CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, latencies.Count);
            var collections = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
            var pauses = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            clock.Restart();
            Parallel.ForEach(requests, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, request => index.Search(request));
            var concurrent = requests.Count / clock.Elapsed.TotalSeconds;
            latencies.Sort();
            counts.Sort();
            cold.Sort();
            output.WriteLine(string.Create(invariant,
                $"| {name} | {Percentile(latencies, 0.50):F2} | {Percentile(latencies, 0.99):F2} | {latencies[^1]:F2} | {latencies.Average():F2} | {Percentile(cold, 0.50):F2} / {Percentile(cold, 0.99):F2} | {1000 / latencies.Average():F0} | {concurrent:F0} | {counts[counts.Count / 2]:N0} | {counts[^1]:N0} | {collections} / {pauses:F0} | {cpuPerSearch:F2} |"));
        }
        process.Refresh();
        output.WriteLine();
        output.WriteLine(string.Create(invariant, $"after searches: working set {Mb(process.WorkingSet64)} MB, peak {Mb(process.PeakWorkingSet64)} MB, managed {Mb(GC.GetTotalMemory(false))} MB; load average after: {LoadAverage()}"));
        return 0;
    }

    private static DonorProfile Profile(SyntheticDonor donor) => DonorProfile.FromBirthYear(
        donor.BirthYear,
        donor.Sex == "M" ? DonorSex.Male : donor.Sex == "F" ? DonorSex.Female : DonorSex.Unknown,
        donor.Abo switch { "O" => AboGroup.O, "A" => AboGroup.A, "B" => AboGroup.B, "AB" => AboGroup.AB, _ => AboGroup.Unknown },
        donor.CmvPositive switch { true => CmvStatus.Positive, false => CmvStatus.Negative, null => CmvStatus.Unknown },
        donor.RegionCode,
        searchable: true);

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
