using DonationRegistry.Hosting;
using DonationRegistry.TestSupport;
using Npgsql;
using Xunit;

namespace DonationRegistry.Backup.Tests;

public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly List<ServiceLikeDatabase> _databases = [];
    private readonly string _work = Path.Combine(Path.GetTempPath(), "dr-backup-tests", Guid.NewGuid().ToString("N"));

    private string BackupFolder => Path.Combine(_work, "backup");
    private string RestoredData => Path.Combine(_work, "restored");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DropAsync();
        try { Directory.Delete(_work, recursive: true); } catch (DirectoryNotFoundException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Restore_AfterBackupOfTwoDatabases_RestoresEveryRowAndChecksum()
    {
        var registration = await NewDatabaseAsync();
        var hsc = await NewDatabaseAsync();
        await registration.AddRegistrationsAsync(1_000);
        await hsc.AddRegistrationsAsync(250);

        var manifest = await BackupAsync(registration, hsc);
        var restored = await RestoreAsync();

        Assert.Equal(new[] { registration.Name, hsc.Name }.Order(StringComparer.Ordinal), restored.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1_000, await CountInRestoredAsync(registration.Name, "registrations"));
        Assert.Equal(250, await CountInRestoredAsync(hsc.Name, "registrations"));
        Assert.Equal(manifest.Databases.Sum(d => d.Tables.Sum(t => t.Rows)), restored.Sum(r => r.Rows));
    }

    [Fact]
    public async Task Backup_WhileRowsAreBeingWritten_ManifestMatchesTheDumpExactly()
    {
        var database = await NewDatabaseAsync();
        await database.AddRegistrationsAsync(500);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await database.AddRegistrationsAsync(5);
        });

        var manifest = await BackupAsync(database);
        await stop.CancelAsync();
        await writer;
        // The restore itself fails when any table's count or checksum differs from the manifest; the count is checked here too.
        await RestoreAsync();

        var expected = manifest.Databases.Single().Tables.Single(t => t.Table == "public.registrations").Rows;
        Assert.True(expected >= 500);
        Assert.Equal(expected, await CountInRestoredAsync(database.Name, "registrations"));
    }

    [Fact]
    public async Task Restore_OutboxMessagesSentJustBeforeTheBackup_AreRearmedAndOlderOnesAreNot()
    {
        var database = await NewDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await database.AddOutboxMessageAsync(now.AddMinutes(-2));   // may not have reached its consumer's dump: re-armed
        await database.AddOutboxMessageAsync(now.AddMinutes(-1));   // re-armed
        await database.AddOutboxMessageAsync(now.AddHours(-3));     // long applied: left as sent
        await database.AddOutboxMessageAsync(null);                 // not sent yet: stays unsent

        await BackupAsync(database);
        var restored = await RestoreAsync();

        Assert.Equal(2, restored.Single().RearmedMessages);
        Assert.Equal(3, await CountInRestoredAsync(database.Name, "outbox_messages", "sent_at IS NULL"));
    }

    [Fact]
    public async Task Restore_WhenTheDumpDoesNotMatchTheManifest_FailsNamingTheTable()
    {
        var database = await NewDatabaseAsync();
        await database.AddRegistrationsAsync(10);
        var manifest = await BackupAsync(database);
        var tampered = manifest with
        {
            Databases = [manifest.Databases[0] with
            {
                Tables = [.. manifest.Databases[0].Tables.Select(t => t.Table == "public.registrations" ? t with { Rows = 11 } : t)],
            }],
        };
        await tampered.WriteAsync(BackupFolder);

        var error = await Assert.ThrowsAsync<BackupException>(RestoreAsync);

        Assert.Contains("public.registrations: 10 rows, backup had 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_IntoADataPathThatAlreadyHoldsACluster_IsRefused()
    {
        var database = await NewDatabaseAsync();
        await BackupAsync(database);
        await RestoreAsync();

        var error = await Assert.ThrowsAsync<BackupException>(RestoreAsync);

        Assert.Contains("already holds a cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_IntoAFolderThatIsNotEmpty_IsRefused()
    {
        var database = await NewDatabaseAsync();
        Directory.CreateDirectory(BackupFolder);
        await File.WriteAllTextAsync(Path.Combine(BackupFolder, "other.txt"), "x");

        var error = await Assert.ThrowsAsync<BackupException>(() => BackupAsync(database));

        Assert.Contains("is not empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_OfABackupWithTheAppHostsSecrets_PutsTheSecretsBack()
    {
        var database = await NewDatabaseAsync();
        var dataPath = Path.Combine(_work, "data");
        Directory.CreateDirectory(Path.Combine(dataPath, "secrets"));
        Directory.CreateDirectory(Path.Combine(dataPath, "identity", "keys"));
        await File.WriteAllTextAsync(Path.Combine(dataPath, "secrets", "registration-id-encryption-key"), "k1");
        await File.WriteAllTextAsync(Path.Combine(dataPath, "identity", "keys", "signing.json"), "k2");

        await BackupAsync(dataPath, database);
        await RestoreAsync();

        Assert.Equal("k1", await File.ReadAllTextAsync(Path.Combine(RestoredData, "secrets", "registration-id-encryption-key")));
        Assert.Equal("k2", await File.ReadAllTextAsync(Path.Combine(RestoredData, "identity", "keys", "signing.json")));
    }

    private async Task<ServiceLikeDatabase> NewDatabaseAsync()
    {
        var database = await ServiceLikeDatabase.CreateAsync();
        _databases.Add(database);
        return database;
    }

    private Task<BackupManifest> BackupAsync(params ServiceLikeDatabase[] databases) => BackupAsync(null, databases);

    private async Task<BackupManifest> BackupAsync(string? dataPath, params ServiceLikeDatabase[] databases)
    {
        var postgres = await TestInfrastructure.PostgresAsync();
        return await BackupCommand.RunAsync(postgres.ConnectionString(), dataPath, BackupFolder, TextWriter.Null,
            [.. databases.Select(d => d.Name)]);
    }

    private Task<IReadOnlyList<RestoredDatabase>> RestoreAsync() =>
        RestoreCommand.RunAsync(BackupFolder, RestoredData, Ports.Free(), TimeSpan.FromMinutes(10), TextWriter.Null);

    // Starts the restored cluster (the restore stops it when done) and counts rows of one table.
    private async Task<long> CountInRestoredAsync(string database, string table, string where = "true")
    {
        await using var server = new PostgresServer(Path.Combine(RestoredData, "postgres"), Ports.Free());
        await server.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {where}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
