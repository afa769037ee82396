using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.BodyCases;
using DonationRegistry.OrganCoordination.Domain.Memorials;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using DonationRegistry.OrganCoordination.Domain.ReceivingUnits;
using DonationRegistry.OrganCoordination.Domain.TissueCases;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Seeding;

/// <summary>
/// Demo data for development (<c>OrganCoordination:SeedDemoData=true</c>, set by the AppHost): the receiving units and banks of the
/// seeds (浙江大学医学院, 杭州师范大学医学院, 温州医科大学, 浙江省眼库, the brain bank at Zhejiang University) and a few organ, body and
/// tissue cases of the demo coordinator's hospital (H-330102-0001) in different states, one memorial with a consented inscription.
/// </summary>
/// <remarks>
/// Everything goes through the domain's own rules with the actor <c>system:demo-seed</c> and back-dated times, in one transaction
/// with audit rows; no integration events (other services seed their own demo data), no personal data. Idempotent: skipped when the
/// first unit exists. The demo coordinator still needs a credential (issued by officer.zj through CoordinatorCredentials for the
/// coordinator's user id) before changing cases: the seeder cannot know Identity's user ids.
/// </remarks>
public sealed partial class DemoDataSeeder(IServiceProvider services, TimeProvider clock, TissueWindowOptions windows,
    ILogger<DemoDataSeeder> logger) : BackgroundService
{
    public const string Hospital = "H-330102-0001";
    public const string Region = "330102";
    private static readonly Actor Seeder = new("system:demo-seed", Common.Roles.OrganCoordinator, Hospital, Region);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var seeded = await SeedAsync(stoppingToken);
            LogSeeded(logger, seeded);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex) when (ex is DbUpdateException or DomainException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            LogFailed(logger, ex);
        }
    }

    /// <summary>Seeds once; returns the number of cases added (0 when already seeded).</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganDbContext>();
        if (await db.ReceivingUnits.AnyAsync(u => u.Id == "BRU-330100-ZJU", cancellationToken))
        {
            return 0;
        }
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        return await new UnitOfWork(db).RunAsync(_ => Task.FromResult(Seed(db, audit, clock.GetUtcNow())), cancellationToken);
    }

    private int Seed(OrganDbContext db, AuditLog audit, DateTimeOffset now)
    {
        db.ReceivingUnits.AddRange(
            ReceivingUnit.Create("BRU-330100-ZJU", "浙江大学医学院", ReceivingUnitKind.BodyReceivingUnit, "330100", [DonationKind.Body], true, Seeder, now),
            ReceivingUnit.Create("BRU-330100-HZNU", "杭州师范大学医学院", ReceivingUnitKind.BodyReceivingUnit, "330100",
                [DonationKind.Body, DonationKind.Cornea], true, Seeder, now),
            ReceivingUnit.Create("BRU-330300-WMU", "温州医科大学", ReceivingUnitKind.BodyReceivingUnit, "330300", [DonationKind.Body], true, Seeder, now),
            ReceivingUnit.Create("EB-330100-01", "浙江省眼库", ReceivingUnitKind.EyeBank, "330100", [DonationKind.Cornea], true, Seeder, now),
            ReceivingUnit.Create("BB-330100-ZJU", "国家健康和疾病人脑组织资源库（浙江大学）", ReceivingUnitKind.BrainBank, "330100", [DonationKind.Brain],
                true, Seeder, now));

        var referred = OrganDonationCase.Refer(Guid.CreateVersion7(), Region, Hospital, null, Guid.CreateVersion7(), Seeder, now.AddHours(-3));
        var declined = OrganDonationCase.Refer(Guid.CreateVersion7(), Region, Hospital, null, Guid.CreateVersion7(), Seeder, now.AddDays(-20));
        declined.RecordRegistryCheck(new RegistryCheck(RegistryAnswer.None, null, null, now.AddDays(-20)), Seeder, now.AddDays(-20));
        declined.StartEvaluation(Seeder, now.AddDays(-19));
        declined.ApproachFamily(Seeder, now.AddDays(-19));
        declined.Close(ClosureReason.FamilyDeclined, "家属未能达成一致", Seeder, now.AddDays(-18));
        db.OrganCases.AddRange(referred, declined);

        var waiting = BodyDonationCase.Notify(Guid.CreateVersion7(), Region, Hospital, null, now.AddHours(-10), Guid.CreateVersion7(), true, Seeder,
            now.AddHours(-9));
        waiting.AgreeHandover("BRU-330100-ZJU", Seeder, now.AddHours(-8));
        var remembered = BodyDonationCase.Notify(Guid.CreateVersion7(), Region, Hospital, null, now.AddDays(-29), Guid.CreateVersion7(), true,
            Seeder, now.AddDays(-29));
        remembered.AgreeHandover("BRU-330100-HZNU", Seeder, now.AddDays(-29));
        remembered.Receive("REC-DEMO-1", Seeder, now.AddDays(-28));
        remembered.StartUse(BodyUse.Teaching, Seeder, now.AddDays(-27));
        remembered.RecordDisposal(BodyDisposal.Cremation, null, Seeder, now.AddDays(-2));
        remembered.Memorialise("生命礼敬园", true, "MEM-DEMO-1", "示例捐献者", Seeder, now.AddDays(-1));
        var rejected = BodyDonationCase.Notify(Guid.CreateVersion7(), Region, Hospital, null, now.AddDays(-5), Guid.CreateVersion7(), false, Seeder,
            now.AddDays(-5));
        rejected.Reject(BodyRejectionReason.AutopsyRequired, null, Seeder, now.AddDays(-5));
        db.BodyCases.AddRange(waiting, remembered, rejected);
        db.Memorials.Add(MemorialRecord.For(Guid.CreateVersion7(), DonationKind.Body, remembered.Id, remembered.RegionCode, remembered.OrgId,
            remembered.Memorial!, Seeder));

        // A cornea still waiting (its window is running), a used cornea, a recovered brain.
        var corneaWaiting = TissueDonationCase.Notify(Guid.CreateVersion7(), TissueKind.Cornea, Region, Hospital, "EB-330100-01", null,
            now.AddHours(-2), Guid.CreateVersion7(), true, windows, Seeder, now.AddHours(-1));
        var corneaUsed = TissueDonationCase.Notify(Guid.CreateVersion7(), TissueKind.Cornea, Region, Hospital, "EB-330100-01", null,
            now.AddDays(-6), Guid.CreateVersion7(), true, windows, Seeder, now.AddDays(-6));
        corneaUsed.Recover(now.AddDays(-6).AddHours(3), "RC-DEMO-1", Seeder, now.AddDays(-6).AddHours(3));
        corneaUsed.RecordUse(TissueUse.Transplant, Seeder, now.AddDays(-3));
        var brain = TissueDonationCase.Notify(Guid.CreateVersion7(), TissueKind.Brain, Region, Hospital, "BB-330100-ZJU", null,
            now.AddDays(-1), Guid.CreateVersion7(), false, windows, Seeder, now.AddDays(-1));
        brain.Recover(now.AddDays(-1).AddHours(2), "RB-DEMO-1", Seeder, now.AddDays(-1).AddHours(2));
        db.TissueCases.AddRange(corneaWaiting, corneaUsed, brain);

        foreach (var (subject, id) in new[]
        {
            (AuditSubjects.OrganCase, referred.Id), (AuditSubjects.OrganCase, declined.Id), (AuditSubjects.BodyCase, waiting.Id),
            (AuditSubjects.BodyCase, remembered.Id), (AuditSubjects.BodyCase, rejected.Id), (AuditSubjects.TissueCase, corneaWaiting.Id),
            (AuditSubjects.TissueCase, corneaUsed.Id), (AuditSubjects.TissueCase, brain.Id),
        })
        {
            audit.Changed("SeedDemoData", subject, id, Seeder);
        }
        return 8;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Cases} organ, body and tissue cases and 5 receiving units seeded")]
    private static partial void LogSeeded(ILogger logger, int cases);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo data seeding failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
