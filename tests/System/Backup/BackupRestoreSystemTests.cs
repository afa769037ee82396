using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.Hosting;
using DonationRegistry.SystemTests.Journeys;
using Npgsql;
using Xunit;
using Xunit.Abstractions;
using Fc = DonationRegistry.FamilyCare.V1;
using Organ = DonationRegistry.OrganCoordination.V1;
using Reg = DonationRegistry.Registration.V1;

namespace DonationRegistry.SystemTests.Backup;

/// <summary>
/// Backup and restore of the running system (docs/backup-restore.md): with rows written through the services into every service
/// database (enrolments with their outbox and inbox rows, a coordinator credential, a care staff member, Identity's users and
/// tokens), <c>dr-backup backup</c> runs against the system's PostgreSQL and data path, <c>dr-backup restore</c> builds a fresh
/// cluster in a new data folder, and the test — with its own counting, not the tool's — finds every table of every database there
/// with the same rows and checksum as the live system, the outbox differing only where the restore re-arms recently sent messages
/// (exactly those, by design), the inboxes equal, and the ID-number and signing keys put back.
/// </summary>
[Collection(SystemFixture.Collection)]
public sealed class BackupRestoreSystemTests(SystemFixture system, ITestOutputHelper output)
{
    private static readonly string[] ServiceDatabases = ["identitydb", "registrationdb", "hscdb", "organdb", "familycaredb"];

    /// <summary>dr-backup's default re-arm window (docs/backup-restore.md).</summary>
    private static readonly TimeSpan RearmWindow = TimeSpan.FromMinutes(10);

    private const int Enrolments = 10;
    private const int MaxAttempts = 5;

    /// <summary>How long nothing may change before a backup whose result is compared with the live system.</summary>
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BackupAndRestore_OfTheRunningSystem_BringBackEveryTableOfEveryServiceDatabase()
    {
        await WriteToEveryDatabaseAsync();
        var work = Path.Combine(Path.GetTempPath(), "donationregistry-system-backup", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var (live, folder) = await QuietBackupAsync(work);
            var restoredData = Path.Combine(work, "restored");
            output.WriteLine(await BackupTool.RestoreAsync(folder, restoredData));
            var takenAt = await TakenAtAsync(folder);

            await using var restored = new PostgresServer(Path.Combine(restoredData, "postgres"), Ports.Free(), durable: false);
            await restored.StartAsync();
            var differences = new List<string>();
            foreach (var (database, tables) in live)
            {
                var back = await DatabaseFingerprints.ReadAsync(restored.ConnectionString(database));
                differences.AddRange(Compare(database, tables, back));
                // Unsent stay unsent; sent within the window before the backup are re-armed (their consumers' inboxes drop repeats).
                var expected = await DatabaseFingerprints.OutboxToSendAsync(system.Control.Postgres.ConnectionString(database), takenAt - RearmWindow);
                var actual = await DatabaseFingerprints.OutboxToSendAsync(restored.ConnectionString(database));
                if (!expected.SetEquals(actual))
                {
                    differences.Add($"{database}: outbox to send after restore {actual.Count}, expected {expected.Count}");
                }
                output.WriteLine($"{database}: {tables.Count} tables, {tables.Values.Sum(t => t.Rows)} rows, {actual.Count} outbox messages to send after restore");
            }

            Assert.Empty(differences);
            Assert.All(ServiceDatabases, d => Assert.Contains(d, live.Keys));
            Assert.All(ServiceDatabases, d => Assert.True(live[d].Values.Where(t => !t.Table.Contains("__EFMigrationsHistory", StringComparison.Ordinal)).Sum(t => t.Rows) > 0,
                $"{d} held no data when it was backed up"));
            foreach (var secrets in new[] { "secrets", Path.Combine("identity", "keys") })
            {
                AssertSameFiles(Path.Combine(system.DataPath, secrets), Path.Combine(restoredData, secrets));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // The restored cluster still releasing files; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    /// <summary>Rows in every service database through the services' own rpcs.</summary>
    private async Task WriteToEveryDatabaseAsync()
    {
        // Registration and Hsc: enrolments (Registration's outbox, Hsc's inbox and donors).
        var registrations = new Reg.Registrations.RegistrationsClient(system.Channel("registration", await system.TokenAsync("clerk", Scopes.Registration)));
        var point = await system.ClerkPointAsync();
        var volunteers = await Task.WhenAll(Enumerable.Range(0, Enrolments).Select(async _ => Guid.Parse((await registrations.EnrollHscVolunteerAsync(new Reg.EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(), RegistrationPoint = point,
            Person = new Reg.Person
            {
                FullName = "备份测试", IdType = Reg.IdType.ResidentId, IdNumber = IdNumbers.Next(ShanghaiDay.Today), Phone = "13800138000", Address = "杭州市西湖区文三路 100 号",
            },
            Consents = new Reg.Consents { SensitiveData = true, TransferToProvincialCentre = true },
        })).VolunteerId)));
        Assert.True(await Eventually.HoldsAsync(async () => await DonorsAsync(volunteers) == Enrolments, TimeSpan.FromMinutes(3)),
            "The enrolments did not reach Hsc.");

        // OrganCoordination: a coordinator credential.
        var credentials = new Organ.CoordinatorCredentials.CoordinatorCredentialsClient(
            system.Channel("organcoordination", await system.TokenAsync("officer.zj", Scopes.Organ)));
        await credentials.CreateCredentialAsync(new Organ.CreateCredentialRequest
        {
            HolderId = "backup-" + Guid.NewGuid().ToString("N")[..8], OrgId = "RC-330100", RegionCode = "330100",
        });

        // FamilyCare: the demo care worker registered as staff of Hangzhou.
        var visits = new Fc.Visits.VisitsClient(system.Channel("familycare", await system.TokenAsync("admin", Scopes.FamilyCare)));
        await visits.RegisterStaffMemberAsync(new Fc.RegisterStaffMemberRequest
        {
            StaffMember = new Fc.StaffMember
            {
                Name = "staffMembers/" + SystemUsers.UserIdOf(await system.TokenAsync("care.hz", Scopes.FamilyCare)), DisplayName = "孙丽", RegionCode = "330100",
            },
        });
    }

    /// <summary>
    /// Waits until the system is quiet (<see cref="QuietAsync"/>), backs up, and
    /// reads again: a backup during which something changed is taken again (at most five times), so the live state it is compared
    /// with is exactly the state it holds.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, IReadOnlyDictionary<string, TableFingerprint>> Live, string Folder)> QuietBackupAsync(string work)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var before = await QuietAsync();
            var folder = Path.Combine(work, $"backup-{attempt}");
            output.WriteLine(await BackupTool.BackupAsync(folder, system.Control.Postgres.Port, system.DataPath));
            var after = await FingerprintsAsync();
            var changed = before.SelectMany(d => Compare(d.Key, d.Value, after[d.Key])).ToList();
            if (changed.Count == 0)
            {
                return (before, folder);
            }
            output.WriteLine($"changed while backing up (attempt {attempt}): {string.Join("; ", changed)}");
        }
        throw new InvalidOperationException($"The system did not stay quiet during {MaxAttempts} backups.");
    }

    /// <summary>
    /// Readings of every database until they have not changed for <see cref="QuietFor"/> and no outbox holds unsent messages. The
    /// window is long because Registration seeds its demo cities in the background after it starts, one transaction per city, and
    /// on a loaded machine a city can take several seconds.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, TableFingerprint>>> QuietAsync()
    {
        var previous = await FingerprintsAsync();
        var stableSince = DateTime.UtcNow;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var current = await FingerprintsAsync();
            var unsent = 0;
            foreach (var database in current.Keys)
            {
                unsent += (await DatabaseFingerprints.OutboxToSendAsync(system.Control.Postgres.ConnectionString(database))).Count;
            }
            if (unsent > 0 || current.Any(d => !previous.TryGetValue(d.Key, out var before) || Compare(d.Key, d.Value, before).Any()))
            {
                stableSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - stableSince >= QuietFor)
            {
                return current;
            }
            previous = current;
        }
        throw new InvalidOperationException("The system did not become quiet within 5 minutes.");
    }

    /// <summary>Fingerprints of every database of the live cluster (as dr-backup sees them: all but templates and postgres).</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, TableFingerprint>>> FingerprintsAsync()
    {
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(system.Control.Postgres.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        var result = new Dictionary<string, IReadOnlyDictionary<string, TableFingerprint>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            result[name] = await DatabaseFingerprints.ReadAsync(system.Control.Postgres.ConnectionString(name));
        }
        return result;
    }

    private static IEnumerable<string> Compare(string database, IReadOnlyDictionary<string, TableFingerprint> expected,
        IReadOnlyDictionary<string, TableFingerprint> actual)
    {
        foreach (var table in expected.Values)
        {
            if (!actual.TryGetValue(table.Table, out var found))
            {
                yield return $"{database}.{table.Table} missing";
            }
            else if (found.Rows != table.Rows)
            {
                yield return $"{database}.{table.Table}: {found.Rows} rows, expected {table.Rows}";
            }
            else if (found.Checksum != table.Checksum)
            {
                yield return $"{database}.{table.Table}: checksum differs ({table.Rows} rows)";
            }
        }
        foreach (var extra in actual.Keys.Where(t => !expected.ContainsKey(t)))
        {
            yield return $"{database}.{extra} not expected";
        }
    }

    private async Task<long> DonorsAsync(Guid[] volunteers)
    {
        await using var connection = new NpgsqlConnection(system.Database("hscdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM donors WHERE \"Id\" = ANY(@v)", connection);
        command.Parameters.AddWithValue("v", volunteers);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>When the backup's snapshots were taken (manifest.json's TakenAt).</summary>
    private static async Task<DateTimeOffset> TakenAtAsync(string folder)
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")));
        return manifest.RootElement.GetProperty("TakenAt").GetDateTimeOffset();
    }

    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = Directory.EnumerateFiles(expectedFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expectedFolder, f)).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Directory.EnumerateFiles(actualFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actualFolder, f)).Order());
        Assert.All(expected, f => Assert.Equal(File.ReadAllBytes(Path.Combine(expectedFolder, f)), File.ReadAllBytes(Path.Combine(actualFolder, f))));
    }
}
