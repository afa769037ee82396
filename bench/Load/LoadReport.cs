using System.Globalization;
using System.Text;

namespace DonationRegistry.Load;

/// <summary>The numbers of one run as Markdown: printed, and with <c>--write</c> appended to docs/benchmarks.md (section "Load").</summary>
internal static class LoadReport
{
    public const string Section = "## Load (issue #9): the whole system under a mixed load";

    private const string SectionIntro = """
        `bench/Load` starts the whole system through the AppHost's resource code (PostgreSQL, RabbitMQ, Identity, Registration, Hsc,
        OrganCoordination, FamilyCare as separate processes; see docs/system-tests.md) or uses a running AppHost (`--apphost`), drives a
        mix — as the demo clerk 35 % EnrollHscVolunteer (event to Hsc), 25 % CreateRegistration, 15 % RecordWitnessing +
        ForwardRegistration on the client's own drafts, 10 % SearchRegistrations; as the HSC coordinator 10 % SubmitSearch (donor
        search for a patient, A/B/C/DRB1/DQB1, ≤ 2 mismatches); as a family-care worker 5 % ListVisits (the week) + ListDueItems —
        and reports throughput, latency per rpc at the
        client, errors by status code, end-to-end event latency (enrolment acknowledged by Registration → donor row visible in Hsc's
        database, polled every 50 ms) and `pgbench -N` with the same number of clients on the same PostgreSQL right after. Each run
        also gives the CPU seconds each part of the system used in the measured window (from /proc). `--mix registrations` keeps only
        the enrolments and creates (58 % / 42 %), the load of the fault scenarios.
        """;

    public static string Render(LoadOptions options, string machine, LoadRun run, string pgbench)
    {
        var (loadBefore, loadAfter, elapsed, stats, cpu, probe, fault) = (run.LoadBefore, run.LoadAfter, run.Elapsed, run.Stats, run.Cpu, run.Probe, run.Fault);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"### Load run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {options.Clients} clients");
        text.AppendLine();
        text.AppendLine(c, $"Machine: {machine}; load average before {loadBefore}, after {loadAfter}. Command: `{options.CommandLine}`");
        text.AppendLine();
        text.AppendLine(c, $"Total: {stats.TotalSucceeded} calls succeeded in {elapsed.TotalSeconds:0.0} s = **{stats.TotalSucceeded / elapsed.TotalSeconds:0.0} calls/s**; {stats.TotalErrors} failed." +
            $" Registrations (enrolments + creates): **{(stats.Count("EnrollHscVolunteer") + stats.Count("CreateRegistration")) / elapsed.TotalSeconds:0.0}/s**.");
        text.AppendLine();
        text.AppendLine("| rpc | calls | per second | p50 | p95 | p99 | errors by status |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var rpc in stats.Rpcs)
        {
            text.AppendLine(c, $"| {rpc} | {stats.Count(rpc)} | {stats.Count(rpc) / elapsed.TotalSeconds:0.0} | {stats.Percentile(rpc, 0.50):0} ms | " +
                $"{stats.Percentile(rpc, 0.95):0} ms | {stats.Percentile(rpc, 0.99):0} ms | {(stats.Errors(rpc) is { Length: > 0 } e ? e : "none")} |");
        }
        text.AppendLine();
        if (cpu.Count > 0)
        {
            var total = cpu.Sum(p => p.Cpu.TotalSeconds);
            var parts = string.Join(", ", cpu.Where(p => p.Cpu.TotalSeconds >= 0.05).Select(p => p.Part + " " + p.Cpu.TotalSeconds.ToString("0.0", c)));
            text.AppendLine(c, $"CPU in the measured window: {total:0.0} s = {total / elapsed.TotalSeconds:0.00} cores busy, " +
                $"{total * 1000 / Math.Max(stats.TotalSucceeded, 1):0.0} ms per call; by part (s): {parts}.");
            text.AppendLine();
        }
        text.AppendLine(c, $"End-to-end event latency (Registration commit → donor in Hsc): p50 **{probe.Percentile(0.50):0} ms**, " +
            $"p99 **{probe.Percentile(0.99):0} ms** over {probe.Seen} enrolments; {probe.Pending} not seen in Hsc within the drain time.");
        text.AppendLine();
        text.AppendLine(c, $"Same run, same PostgreSQL: {pgbench}.");
        if (fault is not null)
        {
            text.AppendLine();
            text.AppendLine(c, $"Fault: {fault}");
        }
        return text.ToString();
    }

    /// <summary>Appends the run to <paramref name="path"/>, under the section heading (added once). Re-reads the file right before.</summary>
    /// <summary>Prints the report and, with <c>--write</c>, appends it to that file.</summary>
    public static async Task PublishAsync(LoadOptions options, string report)
    {
        Console.WriteLine(report);
        if (options.WritePath is not null)
        {
            await AppendAsync(options.WritePath, report);
            Console.WriteLine($"Appended to {options.WritePath}.");
        }
    }

    private static async Task AppendAsync(string path, string run)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        var addition = new StringBuilder();
        if (!existing.Contains(Section, StringComparison.Ordinal))
        {
            addition.AppendLine().AppendLine(Section).AppendLine().AppendLine(SectionIntro.TrimEnd()).AppendLine();
        }
        addition.AppendLine(run);
        await File.AppendAllTextAsync(path, (existing.EndsWith('\n') || existing.Length == 0 ? "" : "\n") + addition);
    }
}
