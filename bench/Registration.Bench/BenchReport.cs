using System.Globalization;
using System.Text;

namespace DonationRegistry.Registration.Bench;

/// <summary>The run as a Markdown section, and its place in docs/benchmarks.md (appended between the bench's markers).</summary>
internal static class BenchReport
{
    private const string Start = "<!-- registration-bench:start -->";
    private const string End = "<!-- registration-bench:end -->";

    /// <summary>The median round (by ratio) in full, and every round's pair of rates.</summary>
    public static string Format(BenchOptions options, string command, string operation, IReadOnlyList<BenchRound> rounds)
    {
        var ordered = rounds.OrderBy(r => r.Ratio).ToList();
        var (run, pgbench) = ordered[ordered.Count / 2];
        var (app, cpu) = (run.Latency, run.Cpu);
        var ratio = app.PerSecond / pgbench.Tps;
        var perRound = string.Join("; ", rounds.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Run.Latency.PerSecond:0} / {r.Pgbench.Tps:0} = {r.Ratio:P1}")));
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(':')[1].Trim();
        var cpuModel = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{command}`");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} CPUs (nproc), {memory} memory, CPU \"{cpuModel}\", {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        s.AppendLine("- PostgreSQL: private cluster started by the bench, durable (fsync on, synchronous_commit on, full_page_writes on); RabbitMQ private node; Identity and Registration in the bench process on Kestrel (h2c on loopback), Production environment, log level Warning");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Registration database connection: {(options.ConnectionOptions is { } extra ? "as the AppHost gives it plus `" + extra + "`" : "as the AppHost gives it (Npgsql defaults)")}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Operation: {operation}, {options.Clients} concurrent gRPC clients (one HTTP/2 connection each), {options.Warmup} warm-up requests and more until the JIT was quiet, then {options.Requests} measured");
        s.AppendLine();
        s.AppendLine("| measure | value |");
        s.AppendLine("|---|---|");
        s.AppendLine(CultureInfo.InvariantCulture, $"| {(options.Statistics ? "calls/s" : "registrations/s")} | {app.PerSecond:0.0} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| latency p50 / p90 / p99 / max | {app.P50Ms:0.00} / {app.P90Ms:0.00} / {app.P99Ms:0.00} / {app.MaxMs:0.00} ms |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| requests / failures / elapsed | {app.Requests} / {app.Failures} / {app.Elapsed.TotalSeconds:0.00} s |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| CPU per registration: bench process (client + Identity + Registration) / PostgreSQL | {cpu.SelfMs:0.00} ms / {cpu.PostgresMs:0.00} ms ({cpu.Cores:0.00} cores busy) |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| commits in registrationdb per request; methods JIT-compiled during the run | {run.CommitsPerRequest:0.00}; {run.JitCompiled} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| load average (1 min) before → after the measured run | {cpu.LoadBefore} → {cpu.LoadAfter} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| pgbench `{pgbench.Arguments}` (scale {options.PgbenchScale}) | {pgbench.Tps:0.0} tps, latency average {pgbench.LatencyMs} ms (load average {pgbench.Load}) |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| ratio registrations/s ÷ pgbench tps, median of {rounds.Count} alternating rounds (the row above is that round) | **{ratio:P1}** (goal ≥ 40 %) |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| every round: registrations/s / pgbench tps = ratio | {perRound} |");
        return s.ToString();
    }

    /// <summary>Adds the run at the end of the text between the bench's markers (creating them at the end of the file), so earlier
    /// runs and the rest of the file stay as they are.</summary>
    public static void WriteSection(string file, string report)
    {
        var text = File.Exists(file) ? File.ReadAllText(file) : "# Benchmarks\n";
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..to].TrimEnd() + "\n\n" + report + End + text[(to + End.Length)..]
            : text.TrimEnd() + "\n\n" + Start + "\n" + report + End + "\n";
        File.WriteAllText(file, text);
    }
}
