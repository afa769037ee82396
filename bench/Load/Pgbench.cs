using System.Globalization;
using System.Text.RegularExpressions;
using DonationRegistry.Hosting;
using Npgsql;

namespace DonationRegistry.Load;

/// <summary><c>pgbench -N</c> (no updates of the hot branch/teller rows) on the system's own PostgreSQL, in the same run, right after
/// the load, with as many clients as the load had, against a <c>pgbench</c> database of its own.</summary>
internal static partial class Pgbench
{
    public static async Task<string> RunAsync(string serverConnectionString, int clients, int seconds)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'pgbench'", connection);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand("CREATE DATABASE pgbench", connection);
                await create.ExecuteNonQueryAsync();
            }
        }
        var pgbench = Path.Combine(PostgresServer.FindBinaries(), "pgbench");
        string[] target = ["-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username ?? "postgres"];
        var (initCode, initOutput) = await ChildProcess.RunAsync(pgbench, ["-i", "-q", "-s", "10", .. target, "pgbench"], timeout: TimeSpan.FromMinutes(5));
        if (initCode != 0)
        {
            throw new InvalidOperationException("pgbench -i failed: " + initOutput);
        }
        string[] arguments = ["-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture)];
        var (code, output) = await ChildProcess.RunAsync(pgbench, [.. arguments, .. target, "pgbench"], timeout: TimeSpan.FromSeconds(seconds + 120));
        if (code != 0)
        {
            throw new InvalidOperationException("pgbench failed: " + output);
        }
        return $"pgbench {string.Join(' ', arguments)} (scale 10): {TpsPattern().Match(output).Groups[1].Value} tps, " +
            $"latency average {LatencyPattern().Match(output).Groups[1].Value} ms";
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyPattern();
}
