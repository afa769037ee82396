using Npgsql;

namespace DonationRegistry.Backup;

/// <summary>
/// Backs up every database of a running cluster. Each database is dumped from a snapshot exported by a read-only transaction
/// that also counts and checksums its tables, so the manifest describes exactly what the dump holds, while the services keep
/// working. The system's secrets (ID-number keys, token signing keys) are copied too: without them restored ID numbers cannot be
/// read and issued tokens cannot be checked.
/// </summary>
internal static class BackupCommand
{
    /// <summary>Folders of the AppHost's data path that belong in a backup.</summary>
    public static readonly string[] SecretFolders = ["secrets", Path.Combine("identity", "keys")];

    public static async Task<BackupManifest> RunAsync(string serverConnection, string? dataPath, string folder, TextWriter log,
        IReadOnlyCollection<string>? only = null)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"{folder} is not empty; back up into a new folder.");
        }
        Directory.CreateDirectory(folder);
        var server = new NpgsqlConnectionStringBuilder(serverConnection);
        var takenAt = DateTimeOffset.UtcNow;
        var databases = new List<DatabaseBackup>();
        foreach (var name in (await DatabasesAsync(server)).Where(n => only is null || only.Contains(n)))
        {
            var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = false };
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
            await using var export = new NpgsqlCommand("SET TRANSACTION READ ONLY; SELECT pg_export_snapshot()", connection, snapshot);
            var snapshotId = (string)(await export.ExecuteScalarAsync())!;
            var file = name + ".dump";
            await PostgresTools.DumpAsync(database, snapshotId, Path.Combine(folder, file));
            var tables = await TableStates.ReadAsync(connection, snapshot);
            await snapshot.CommitAsync();
            databases.Add(new DatabaseBackup(name, file, tables));
            await log.WriteLineAsync($"{name}: {tables.Count} tables, {tables.Sum(t => t.Rows):N0} rows");
        }
        if (dataPath is null)
        {
            await log.WriteLineAsync("no AppHost data path given or found: secrets (ID-number keys, signing keys) NOT copied");
        }
        else
        {
            foreach (var secrets in SecretFolders.Select(f => Path.Combine(dataPath, f)).Where(Directory.Exists))
            {
                Copy(secrets, Path.Combine(folder, Path.GetRelativePath(dataPath, secrets)));
            }
        }
        var manifest = new BackupManifest(takenAt, databases);
        await manifest.WriteAsync(folder);
        return manifest;
    }

    private static async Task<List<string>> DatabasesAsync(NpgsqlConnectionStringBuilder server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    internal static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
