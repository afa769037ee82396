using System.Security.Cryptography;
using System.Text;
using DonationRegistry.Common;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Typings;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Seeding;

/// <summary>
/// Development only (<c>Hsc:SeedDemoData=true</c>): 36 synthetic Available donors, typed at ten loci from pairs of six common Han
/// Chinese haplotypes, spread over the eleven cities, so a fresh system has something to search. Runs once, before the index loads
/// (the load records the release on their typings); a second start adds nothing. No real person is behind any of them.
/// </summary>
public sealed partial class DemoDonorSeeder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoDonorSeeder> logger) : IHostedService
{
    /// <summary>The registration point the demo donors claim; it marks them as demo data.</summary>
    public static readonly Guid DemoPoint = Guid.Parse("00000000-0000-7000-8000-00000000d0d0");

    private static readonly string[][] Haplotypes =
    [
        ["A*30:01", "C*06:02", "B*13:02", "DRB1*07:01", "DQB1*02:02"],
        ["A*02:07", "C*01:02", "B*46:01", "DRB1*09:01", "DQB1*03:03"],
        ["A*33:03", "C*03:02", "B*58:01", "DRB1*03:01", "DQB1*02:01"],
        ["A*11:01", "C*07:02", "B*40:01", "DRB1*15:01", "DQB1*06:02"],
        ["A*24:02", "C*01:02", "B*54:01", "DRB1*04:05", "DQB1*04:01"],
        ["A*02:01", "C*03:04", "B*13:01", "DRB1*12:02", "DQB1*03:01"],
    ];

    private static readonly string[] Counties =
        ["330106", "330203", "330302", "330402", "330502", "330602", "330702", "330802", "330902", "331002", "331102"];

    private static readonly Actor Seeder = new("system:demo-seed", "system", null, null);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HscDbContext>();
        if (await db.Donors.AnyAsync(d => d.PointId == DemoPoint, cancellationToken))
        {
            return;
        }
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = clock.GetUtcNow();
        var n = 0;
        for (var i = 0; i < Haplotypes.Length; i++)
        {
            for (var j = 0; j < Haplotypes.Length; j++, n++)
            {
                var id = DeterministicId(n);
                var donor = new Donor(id, DemoPoint, Counties[n % Counties.Length], 1980 + n % 20, n % 2 == 0 ? Sex.Male : Sex.Female, now);
                donor.RecordSample($"DEMO-{n:000}", now);
                donor.SetAttributes((AboGroup)(1 + n % 4), (CmvStatus)(1 + n % 2), now);
                var glString = string.Join('^', Enumerable.Range(0, 5).Select(l => Haplotypes[i][l] + "+" + Haplotypes[j][l]));
                var typing = new TypingRecord(DeterministicId(1000 + n), id, TypingSource.GlString, glString, glString, TypingMethod.Ngs,
                    TypingResolution.High, "", null, now, Seeder.UserId);
                db.Donors.Add(donor);
                db.Typings.Add(typing);
                donor.RecordTyping(typing.Id, searchable: true, now);
                audit.Changed("SeedDemoData", AuditSubjects.Donor, id, Seeder, "synthetic demo donor");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(logger, n);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Guid DeterministicId(int n)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"donationregistry-demo-hsc-donor-{n}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} synthetic demo donors")]
    private static partial void LogSeeded(ILogger logger, int count);
}
