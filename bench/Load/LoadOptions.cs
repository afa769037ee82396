using System.Globalization;

namespace DonationRegistry.Load;

/// <summary>Command-line options (see <see cref="Usage"/>).</summary>
internal sealed record LoadOptions(
    int Clients, TimeSpan Duration, TimeSpan Warmup, double TargetRate, Uri? Dashboard, string Configuration, string? Fault, TimeSpan FaultAt,
    int PgbenchSeconds, string? WritePath, bool RegistrationsOnly)
{
    public const string Usage =
        "dotnet run -c Release --project bench/Load -- [--clients 8] [--duration 60] [--warmup 20 (s, not measured)] [--rate 0 (= as fast as possible; else total " +
        "calls/s)] [--apphost http://127.0.0.1:PORT/ (an AppHost already running; default: start the system here)] " +
        "[--configuration Release] [--mix full|registrations (only EnrollHscVolunteer and CreateRegistration)] [--fault rabbitmq|hsc-kill|postgres|registration-kill] [--fault-at 10] [--pgbench-seconds 20] " +
        "[--write docs/benchmarks.md]";

    public static readonly string[] Faults = ["rabbitmq", "hsc-kill", "postgres", "registration-kill"];

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--option value' at '{args[i]}'. Usage: {Usage}");
            }
            values[args[i][2..]] = args[++i];
        }
        string? Get(string name) => values.Remove(name, out var v) ? v : null;
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var options = new LoadOptions(
            Clients: Int("clients", 8),
            Duration: TimeSpan.FromSeconds(Int("duration", 60)),
            Warmup: TimeSpan.FromSeconds(Int("warmup", 20)),
            TargetRate: Get("rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 0,
            Dashboard: Get("apphost") is { } url ? new Uri(url) : null,
            Configuration: Get("configuration") ?? "Release",
            Fault: Get("fault"),
            FaultAt: TimeSpan.FromSeconds(Int("fault-at", 10)),
            PgbenchSeconds: Int("pgbench-seconds", 20),
            WritePath: Get("write"),
            RegistrationsOnly: (Get("mix") ?? "full") switch
            {
                "full" => false,
                "registrations" => true,
                var other => throw new ArgumentException($"--mix must be full or registrations, not '{other}'."),
            });
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys)}. Usage: {Usage}");
        }
        if (options.Fault is not null && !Faults.Contains(options.Fault))
        {
            throw new ArgumentException($"--fault must be one of {string.Join(", ", Faults)}.");
        }
        if (options.Fault is not null && options.Dashboard is not null)
        {
            throw new ArgumentException("Faults are injected only into a system this program started (leave out --apphost).");
        }
        return options;
    }

    public string CommandLine => "dotnet run -c Release --project bench/Load --" +
        string.Create(CultureInfo.InvariantCulture, $" --clients {Clients} --duration {Duration.TotalSeconds:0} --warmup {Warmup.TotalSeconds:0}") +
        (TargetRate > 0 ? string.Create(CultureInfo.InvariantCulture, $" --rate {TargetRate}") : "") +
        (RegistrationsOnly ? " --mix registrations" : "") +
        (Fault is null ? "" : string.Create(CultureInfo.InvariantCulture, $" --fault {Fault} --fault-at {FaultAt.TotalSeconds:0}")) +
        string.Create(CultureInfo.InvariantCulture, $" --pgbench-seconds {PgbenchSeconds}") +
        (WritePath is null ? "" : $" --write {WritePath}");
}
