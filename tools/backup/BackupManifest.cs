using System.Text.Json;

namespace DonationRegistry.Backup;

/// <summary>What a backup holds: when its snapshots were taken and, per database, the dump file and each table's count and checksum.</summary>
internal sealed record BackupManifest(DateTimeOffset TakenAt, IReadOnlyList<DatabaseBackup> Databases)
{
    public const string FileName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task WriteAsync(string folder) =>
        await File.WriteAllTextAsync(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    public static async Task<BackupManifest> ReadAsync(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new BackupException($"{path} is missing: not a backup folder written by dr-backup.");
        return JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path), Json)
            ?? throw new BackupException($"{path} is empty.");
    }
}

/// <summary>One database of a backup.</summary>
internal sealed record DatabaseBackup(string Name, string DumpFile, IReadOnlyList<TableState> Tables);

/// <summary>A table's row count and an order-independent checksum of its rows, as seen by one snapshot.</summary>
internal sealed record TableState(string Table, long Rows, string Checksum);
