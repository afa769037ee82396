using System.Diagnostics;
using DonationRegistry.Load;

// Load generator (issue 9): the whole system, a mixed load for a fixed time, end-to-end event latency, pgbench -N, optional fault.
var options = LoadOptions.Parse(args);
var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine}; load average {Machine.LoadAverage()}");

await using var system = options.Dashboard is { } dashboard ? await TargetSystem.ConnectAsync(dashboard) : await StartAsync(options.Configuration);
var callers = await LoadCallers.SignInAsync(system);                            // demo users' tokens, the clerk's point

if (options.Warmup > TimeSpan.Zero)
{
    // The same mix, not measured: the services' JIT and connection pools settle first.
    Console.WriteLine($"Warm-up: {options.Warmup.TotalSeconds:0} s");
    await using var warmProbe = new EventLatencyProbe(system.ConnectionString("hscdb"));
    using var warm = new CancellationTokenSource(options.Warmup);
    await new MixRunner(callers, new RpcStats(), warmProbe, options.RegistrationsOnly).RunAsync(options.Clients, options.TargetRate, warm.Token);
}

var stats = new RpcStats();
await using var probe = new EventLatencyProbe(system.ConnectionString("hscdb"));
probe.Start();
var runner = new MixRunner(callers, stats, probe, options.RegistrationsOnly);
var loadBefore = Machine.LoadAverage();
var cpuBefore = ProcessCpu.Sample();
Console.WriteLine($"Load: {options.Clients} clients for {options.Duration.TotalSeconds:0} s, " +
    (options.TargetRate > 0 ? $"target {options.TargetRate} calls/s" : "as fast as possible") + (options.RegistrationsOnly ? ", registrations only" : "") + (options.Fault is null ? "" : $", fault {options.Fault} at {options.FaultAt.TotalSeconds:0} s"));
using var stop = new CancellationTokenSource(options.Duration);
var watch = Stopwatch.StartNew();
var faultRun = options.Fault is null ? Task.FromResult<string?>(null) : FaultInjection.RunAsync(system.Control!, options.Fault, options.FaultAt, watch);
await runner.RunAsync(options.Clients, options.TargetRate, stop.Token);
var elapsed = watch.Elapsed;
var fault = await faultRun;
var loadAfter = Machine.LoadAverage();
var cpu = ProcessCpu.Between(cpuBefore, ProcessCpu.Sample());
await probe.DrainAsync(TimeSpan.FromSeconds(120));

var pgbench = options.PgbenchSeconds > 0
    ? await DonationRegistry.Load.Pgbench.RunAsync(system.ConnectionString("postgres"), options.Clients, options.PgbenchSeconds)
    : "pgbench not run (--pgbench-seconds 0)";
var report = LoadReport.Render(options, machine, loadBefore, loadAfter, elapsed, stats, cpu, probe, pgbench, fault);
Console.WriteLine(report);
if (options.WritePath is not null)
{
    await LoadReport.AppendAsync(options.WritePath, report);
    Console.WriteLine($"Appended to {options.WritePath}.");
}

static async Task<TargetSystem> StartAsync(string configuration)
{
    Console.WriteLine($"Starting the system ({configuration} builds) ...");
    var started = Stopwatch.StartNew();
    var system = await TargetSystem.StartAsync(configuration);
    Console.WriteLine($"System healthy after {started.Elapsed.TotalSeconds:0} s.");
    return system;
}
