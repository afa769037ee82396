using DonationRegistry.Hosting;
using Npgsql;

namespace DonationRegistry.Backup;

/// <summary>
/// Restores a backup into a fresh AppHost data path: a new cluster under <c>&lt;data&gt;/postgres</c>, every database from its dump,
/// counts and checksums compared with the manifest (any difference fails the restore), the secrets put back, and outbox messages
/// sent shortly before the backup re-armed. Why re-arm: each database was dumped at its own moment and the broker's queues are not
/// in the backup, so a message a producer had already sent may not yet have been applied in its consumer's dump. Sending it again
/// is safe because every consumer keeps an inbox and applies a message once.
/// </summary>
internal static class RestoreCommand
{
    public static async Task<IReadOnlyList<RestoredDatabase>> RunAsync(string backupFolder, string dataPath, int port, TimeSpan rearmWindow,
        TextWriter log)
    {
        var manifest = await BackupManifest.ReadAsync(backupFolder);
        var clusterFolder = Path.Combine(dataPath, "postgres");
        if (File.Exists(Path.Combine(clusterFolder, "data", "PG_VERSION")))
        {
            throw new BackupException($"{clusterFolder} already holds a cluster; restore into a fresh data path.");
        }
        var restored = new List<RestoredDatabase>();
        await using (var server = new PostgresServer(clusterFolder, port))
        {
            await server.StartAsync();
            foreach (var database in manifest.Databases)
            {
                await server.CreateDatabaseAsync(database.Name);
                var target = new NpgsqlConnectionStringBuilder(server.ConnectionString(database.Name)) { Pooling = false };
                await PostgresTools.RestoreAsync(target, Path.Combine(backupFolder, database.DumpFile));
                await using var connection = new NpgsqlConnection(target.ConnectionString);
                await connection.OpenAsync();
                var differences = Compare(database, await TableStates.ReadAsync(connection, transaction: null));
                if (differences.Count > 0)
                {
                    throw new BackupException($"{database.Name} does not match the backup: {string.Join("; ", differences)}");
                }
                var rearmed = await RearmOutboxAsync(connection, manifest.TakenAt - rearmWindow);
                restored.Add(new RestoredDatabase(database.Name, database.Tables.Sum(t => t.Rows), rearmed));
                await log.WriteLineAsync($"{database.Name}: {database.Tables.Count} tables match the backup; {rearmed} outbox messages re-armed");
            }
        }
        foreach (var secrets in BackupCommand.SecretFolders.Select(f => Path.Combine(backupFolder, f)).Where(Directory.Exists))
        {
            BackupCommand.Copy(secrets, Path.Combine(dataPath, Path.GetRelativePath(backupFolder, secrets)));
        }
        return restored;
    }

    internal static List<string> Compare(DatabaseBackup expected, IReadOnlyList<TableState> actual)
    {
        var differences = new List<string>();
        var byName = actual.ToDictionary(t => t.Table, StringComparer.Ordinal);
        foreach (var table in expected.Tables)
        {
            if (!byName.TryGetValue(table.Table, out var found)) differences.Add($"table {table.Table} missing");
            else if (found.Rows != table.Rows) differences.Add($"{table.Table}: {found.Rows} rows, backup had {table.Rows}");
            else if (found.Checksum != table.Checksum) differences.Add($"{table.Table}: checksum differs");
        }
        differences.AddRange(actual.Where(t => expected.Tables.All(e => e.Table != t.Table)).Select(t => $"table {t.Table} not in the backup"));
        return differences;
    }

    private static async Task<int> RearmOutboxAsync(NpgsqlConnection connection, DateTimeOffset sentSince)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.outbox_messages') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!) return 0;
        await using var rearm = new NpgsqlCommand(
            "UPDATE outbox_messages SET sent_at = NULL, next_attempt_at = NULL, attempts = 0 WHERE sent_at >= @since", connection);
        rearm.Parameters.AddWithValue("since", sentSince);
        return await rearm.ExecuteNonQueryAsync();
    }
}

/// <summary>One restored database: its rows in all and the outbox messages re-armed.</summary>
internal sealed record RestoredDatabase(string Name, long Rows, int RearmedMessages);
