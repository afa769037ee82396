using System.Globalization;
using System.Text.RegularExpressions;
using DonationRegistry.Hosting;

namespace DonationRegistry.Registration.Bench;

/// <summary>pgbench on the same server in the same run: <c>-N</c> (no updates of the branches/tellers hot rows), as many clients as
/// the bench used, 2 threads, against its own <c>pgbench</c> database.</summary>
internal sealed partial record PgbenchRun(double Tps, string LatencyMs, string Arguments, string Load)
{
    public static async Task<PgbenchRun> RunAsync(PostgresServer postgres, BenchOptions options)
    {
        var pgbench = Path.Combine(PostgresServer.FindBinaries(), "pgbench");
        string[] connection = ["-h", "127.0.0.1", "-p", postgres.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres"];
        var (initCode, initOutput) = await ChildProcess.RunAsync(pgbench,
            ["-i", "-q", "-s", options.PgbenchScale.ToString(CultureInfo.InvariantCulture), .. connection, "pgbench"], timeout: TimeSpan.FromMinutes(5));
        if (initCode != 0)
        {
            throw new InvalidOperationException("pgbench -i failed: " + initOutput);
        }
        string[] arguments = ["-N", "-c", options.Clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T",
            options.PgbenchSeconds.ToString(CultureInfo.InvariantCulture)];
        var loadBefore = CpuMeter.LoadAverage();
        var (code, output) = await ChildProcess.RunAsync(pgbench, [.. arguments, .. connection, "pgbench"],
            timeout: TimeSpan.FromSeconds(options.PgbenchSeconds + 120));
        var load = $"{loadBefore} → {CpuMeter.LoadAverage()}";
        if (code != 0)
        {
            throw new InvalidOperationException("pgbench failed: " + output);
        }
        var run = new PgbenchRun(double.Parse(TpsPattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            LatencyPattern().Match(output).Groups[1].Value, string.Join(' ', arguments), load);
        Console.WriteLine($"pgbench {run.Arguments}: {run.Tps:0.0} tps, latency average {run.LatencyMs} ms, load average {run.Load}");
        return run;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyPattern();
}
