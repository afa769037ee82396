using DonationRegistry.Hosting;

namespace DonationRegistry.Registration.Bench;

/// <summary>The measured run: latency and throughput at the client, CPU per request of this process and of PostgreSQL, commits per
/// request in the service's database, and how much the JIT still compiled meanwhile.</summary>
internal sealed record MeasuredRun(LatencyStats Latency, CpuUse Cpu, double CommitsPerRequest, int JitCompiled)
{
    public static async Task<MeasuredRun> RunAsync(BenchOptions options, BenchEnvironment environment, LoadRunner load)
    {
        Console.WriteLine($"Measuring: {options.Requests} requests, {options.Clients} concurrent clients" +
            (options.Lifecycle ? ", full lifecycle" : options.Statistics ? ", GetStatistics baseline" : ""));
        var database = environment.RegistrationDb;
        if (options.Profile)
        {
            await PostgresProfile.CreateExtensionAsync(database);
        }
        var commitsBefore = await PostgresProfile.CommitsAsync(database);
        var meter = new CpuMeter(PostmasterId(environment.Postgres));
        var loadBefore = CpuMeter.LoadAverage();
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var cpuBefore = meter.Sample();

        var latency = await load.RunAsync(options.Requests);

        var cpuAfter = meter.Sample();
        var jit = (int)(System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore);
        var (self, postgres) = (cpuAfter.Self - cpuBefore.Self, cpuAfter.Postgres - cpuBefore.Postgres);
        var cpu = new CpuUse(self.TotalMilliseconds / latency.Requests, postgres.TotalMilliseconds / latency.Requests,
            (self + postgres).TotalSeconds / latency.Elapsed.TotalSeconds, loadBefore, CpuMeter.LoadAverage());
        var commits = (await PostgresProfile.CommitsAsync(database) - commitsBefore) / (double)latency.Requests;

        Console.WriteLine($"Commits in registrationdb per request: {commits:0.00}; methods JIT-compiled meanwhile: {jit}");
        if (options.Profile)
        {
            Console.WriteLine(await PostgresProfile.TopStatementsAsync(database, latency.Requests));
        }
        Console.WriteLine($"Registration: {latency.PerSecond:0.0}/s, p50 {latency.P50Ms:0.00} ms, p99 {latency.P99Ms:0.00} ms, failures {latency.Failures}");
        Console.WriteLine($"CPU per request: bench process (client + Identity + Registration) {cpu.SelfMs:0.00} ms, PostgreSQL {cpu.PostgresMs:0.00} ms; " +
            $"cores busy {cpu.Cores:0.00}; load average {cpu.LoadBefore} → {cpu.LoadAfter}");
        return new MeasuredRun(latency, cpu, commits, jit);
    }

    private static int PostmasterId(PostgresServer postgres) =>
        postgres.Process?.Id ?? throw new InvalidOperationException("PostgreSQL is not running.");
}
