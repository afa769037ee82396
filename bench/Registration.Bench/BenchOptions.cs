using System.Globalization;

namespace DonationRegistry.Registration.Bench;

/// <summary>Command-line options: <c>--rounds N --requests N --clients N --warmup N --pgbench-seconds N --pgbench-scale N --write FILE --lifecycle --statistics-baseline --profile --connection-options \"Npgsql settings\"</c>.</summary>
internal sealed record BenchOptions(int Requests, int Clients, int Warmup, int PgbenchSeconds, int PgbenchScale, string? WriteTo, bool Lifecycle, bool Profile = false, string? ConnectionOptions = null, bool Statistics = false, int Rounds = 3)
{
    /// <summary>The command line that ran the bench, for the report.</summary>
    public string Command { get; private init; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(Requests: 8000, Clients: 8, Warmup: 20000, PgbenchSeconds: 20, PgbenchScale: 10, WriteTo: null, Lifecycle: false);
        for (var i = 0; i < args.Length; i++)
        {
            int Int() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--rounds" => o with { Rounds = Int() },
                "--requests" => o with { Requests = Int() },
                "--clients" => o with { Clients = Int() },
                "--warmup" => o with { Warmup = Int() },
                "--pgbench-seconds" => o with { PgbenchSeconds = Int() },
                "--pgbench-scale" => o with { PgbenchScale = Int() },
                "--write" => o with { WriteTo = args[++i] },
                "--lifecycle" => o with { Lifecycle = true },
                "--profile" => o with { Profile = true },
                "--statistics-baseline" => o with { Statistics = true },
                "--connection-options" => o with { ConnectionOptions = args[++i] },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --rounds N --requests N --clients N --warmup N " +
                    "--pgbench-seconds N --pgbench-scale N --write FILE --lifecycle --statistics-baseline --profile --connection-options \"Npgsql settings\""),
            };
        }
        return o with
        {
            Command = "dotnet run -c Release --project bench/Registration.Bench --" + string.Concat(args.Select(a =>
                " " + (a.Contains(' ', StringComparison.Ordinal) || a.Contains(';', StringComparison.Ordinal) ? $"\"{a}\"" : a))),
        };
    }
}
