using System.Diagnostics;

namespace DonationRegistry.Load;

/// <summary>
/// One measured window: the mix for the chosen duration (after an unmeasured warm-up), the optional fault, the CPU each part of the
/// system used, and the end-to-end event latency drained afterwards. Owns the latency probe, which the report still reads.
/// </summary>
internal sealed class LoadRun : IAsyncDisposable
{
    private LoadRun(RpcStats stats, EventLatencyProbe probe) => (Stats, Probe) = (stats, probe);

    public RpcStats Stats { get; }
    public EventLatencyProbe Probe { get; }
    public TimeSpan Elapsed { get; private set; }
    public string LoadBefore { get; private set; } = "";
    public string LoadAfter { get; private set; } = "";
    public IReadOnlyList<(string Part, TimeSpan Cpu)> Cpu { get; private set; } = [];
    public string? Fault { get; private set; }

    /// <summary>The same mix, not measured: the services' JIT and connection pools settle first.</summary>
    public static async Task WarmUpAsync(TargetSystem system, LoadCallers callers, LoadOptions options)
    {
        if (options.Warmup <= TimeSpan.Zero)
        {
            return;
        }
        Console.WriteLine($"Warm-up: {options.Warmup.TotalSeconds:0} s");
        await using var probe = new EventLatencyProbe(system.ConnectionString("hscdb"));
        using var warm = new CancellationTokenSource(options.Warmup);
        await new MixRunner(callers, new RpcStats(), probe, options.RegistrationsOnly).RunAsync(options.Clients, options.TargetRate, warm.Token);
    }

    public static async Task<LoadRun> MeasureAsync(TargetSystem system, LoadCallers callers, LoadOptions options)
    {
        var run = new LoadRun(new RpcStats(), new EventLatencyProbe(system.ConnectionString("hscdb")));
        run.Probe.Start();
        var runner = new MixRunner(callers, run.Stats, run.Probe, options.RegistrationsOnly);
        run.LoadBefore = Machine.LoadAverage();
        var cpuBefore = ProcessCpu.Sample();
        Console.WriteLine($"Load: {options.Clients} clients for {options.Duration.TotalSeconds:0} s, " +
            (options.TargetRate > 0 ? $"target {options.TargetRate} calls/s" : "as fast as possible") +
            (options.RegistrationsOnly ? ", registrations only" : "") +
            (options.Fault is null ? "" : $", fault {options.Fault} at {options.FaultAt.TotalSeconds:0} s"));
        using var stop = new CancellationTokenSource(options.Duration);
        var watch = Stopwatch.StartNew();
        var fault = options.Fault is null ? Task.FromResult<string?>(null) : FaultInjection.RunAsync(system.Control!, options.Fault, options.FaultAt, watch);
        await runner.RunAsync(options.Clients, options.TargetRate, stop.Token);
        run.Elapsed = watch.Elapsed;
        run.Fault = await fault;
        run.LoadAfter = Machine.LoadAverage();
        run.Cpu = ProcessCpu.Between(cpuBefore, ProcessCpu.Sample());
        await run.Probe.DrainAsync(TimeSpan.FromSeconds(120));
        return run;
    }

    public ValueTask DisposeAsync() => Probe.DisposeAsync();
}
