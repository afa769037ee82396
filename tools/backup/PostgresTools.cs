using DonationRegistry.Hosting;
using Npgsql;

namespace DonationRegistry.Backup;

/// <summary>Runs pg_dump and pg_restore of the installed server against a database named by a connection string.</summary>
internal static class PostgresTools
{
    public static Task DumpAsync(NpgsqlConnectionStringBuilder database, string snapshot, string file) =>
        RunAsync("pg_dump", [.. Target(database), "--format=custom", "--snapshot=" + snapshot, "--file=" + file]);

    public static Task RestoreAsync(NpgsqlConnectionStringBuilder database, string file) =>
        RunAsync("pg_restore", [.. Target(database), "--no-owner", "--exit-on-error", file]);

    private static string[] Target(NpgsqlConnectionStringBuilder database) =>
    [
        "--host=" + database.Host, "--port=" + database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--username=" + database.Username, "--dbname=" + database.Database, "--no-password",
    ];

    private static async Task RunAsync(string tool, string[] arguments)
    {
        var (code, output) = await ChildProcess.RunAsync(Path.Combine(PostgresServer.FindBinaries(), tool), arguments,
            timeout: TimeSpan.FromHours(2));
        if (code != 0) throw new BackupException($"{tool} failed (exit {code}): {output.Trim()}");
    }
}
