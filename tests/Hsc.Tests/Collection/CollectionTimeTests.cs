extern alias hsc;

using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using FollowUpReminderSweep = hsc::DonationRegistry.Hsc.Application.Collection.FollowUpReminderSweep;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>Behaviour that depends on the date, on the fixture's hand-moved clock: overdue steps, due follow-ups, reminders, late withdrawal.</summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionTimeTests(CollectionFixture fixture)
{
    private readonly CollectionSteps _steps = new(fixture, Parties.Ningbo);

    [Fact]
    public async Task ListDueItems_WhenTheExamWaitsLongerThanItsExpectedDays_ShowsItOverdueToTheHospitalOnly()
    {
        var c = await _steps.OpenAsync();
        var hospital = await _steps.HospitalAsync();

        var fresh = (await hospital.ListDueItemsAsync(new ListDueItemsRequest())).Items.Single(i => i.CollectionCase == c.Name);
        Assert.Equal(DueItemKind.StepWaiting, fresh.Kind);
        Assert.Equal(CollectionCaseStatus.MedicalExam, fresh.Step);
        Assert.Equal(c.StepStartedAt.ToDateTimeOffset().AddDays(14), fresh.ExpectedBy.ToDateTimeOffset());

        fixture.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        var late = (await hospital.ListDueItemsAsync(new ListDueItemsRequest())).Items.Single(i => i.CollectionCase == c.Name);
        Assert.Equal(DueItemKind.StepOverdue, late.Kind);
        Assert.DoesNotContain((await (await _steps.CityAsync()).ListDueItemsAsync(new ListDueItemsRequest())).Items, i => i.CollectionCase == c.Name);
        Assert.DoesNotContain((await (await _steps.AsAsync(Roles.CollectionHospitalStaff, "H-330203-0002", "330203"))
            .ListDueItemsAsync(new ListDueItemsRequest())).Items, i => i.CollectionCase == c.Name);
    }

    [Fact]
    public async Task ListDueItems_AfterTheHandover_ListsTheVisitDueThisWeekThenOverdueForTheCounty()
    {
        var c = await _steps.AtAsync(CollectionCaseStatus.FollowUp);
        var local = await _steps.LocalAsync();
        var due = CollectionSteps.Parse(c.FollowUps[0].DueOn);
        Assert.Equal(CollectionSteps.Parse(c.Handover.Sessions[0].CollectedOn).AddDays(7), due);

        _steps.ClockTo(due, 9);
        var week = (await local.ListDueItemsAsync(new ListDueItemsRequest())).Items.Where(i => i.CollectionCase == c.Name && i.FollowUpDay == 7);
        Assert.Equal(DueItemKind.FollowUpDueThisWeek, Assert.Single(week).Kind);

        _steps.ClockTo(due.AddDays(1), 9);
        var late = (await local.ListDueItemsAsync(new ListDueItemsRequest())).Items.Where(i => i.CollectionCase == c.Name && i.FollowUpDay == 7);
        Assert.Equal(DueItemKind.FollowUpOverdue, Assert.Single(late).Kind);
        Assert.Equal(CollectionSteps.Text(due), Assert.Single(late).DueOn);
    }

    [Fact]
    public async Task ReminderSweep_WhenAVisitComesDueAndThenPassesItsDay_PublishesOneReminderOfEachKind()
    {
        var c = await _steps.AtAsync(CollectionCaseStatus.FollowUp);
        var caseId = Guid.Parse(c.Name["collectionCases/".Length..]);
        var due = CollectionSteps.Parse(c.FollowUps[0].DueOn);

        await SweepAsync();
        await SweepAsync();
        Assert.Equal(1, await RemindersAsync(caseId, overdue: false));
        Assert.Equal(0, await RemindersAsync(caseId, overdue: true));

        _steps.ClockTo(due.AddDays(2), 9);
        await SweepAsync();
        await SweepAsync();
        Assert.Equal(1, await RemindersAsync(caseId, overdue: true));
        Assert.Equal(2, await fixture.CountAsync($"SELECT count(*) AS \"Value\" FROM outbox_messages WHERE message_type LIKE '%FollowUpDue%' AND body::text LIKE {"%" + caseId + "%"}"));

        var local = await _steps.LocalAsync();
        await local.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest
        {
            Name = c.Name, Day = 7, VisitedOn = CollectionSteps.Text(_steps.Today), HealthStatus = HealthStatus.MinorComplaints,
        });
        _steps.ClockTo(due.AddDays(30), 9);
        await SweepAsync();

        // Day 7 is recorded: nothing more for it; day 30 (due 23 days ago) gets its overdue reminder; day 90 is not yet near.
        Assert.Equal(2, await fixture.WithDbAsync(db => db.CollectionReminders.CountAsync(r => r.CaseId == caseId && r.VisitDay == 7)));
        Assert.Equal(1, await fixture.WithDbAsync(db => db.CollectionReminders.CountAsync(r => r.CaseId == caseId && r.VisitDay == 30 && r.Overdue)));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.CollectionReminders.CountAsync(r => r.CaseId == caseId && r.VisitDay == 90)));
    }

    [Fact]
    public async Task ReminderSweep_OnTheRealBroker_DeliversFollowUpDueWithoutPersonalData()
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "FollowUpDue");
        var c = await _steps.AtAsync(CollectionCaseStatus.FollowUp);
        var caseId = c.Name["collectionCases/".Length..];

        await SweepAsync();

        Assert.True(await tap.SeenAsync("FollowUpDue", "collectionCaseId", caseId), "FollowUpDue did not arrive.");
        var message = tap.Received("FollowUpDue", "collectionCaseId", caseId)[0];
        Assert.Equal(["collectionCaseId", "donorId", "dueOn", "localRegion", "overdue", "remindedAt", "visitDay"],
            message.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(7, message.GetProperty("visitDay").GetInt32());
        Assert.Equal("330203", message.GetProperty("localRegion").GetString());
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task CancelCase_WhenTheDonorWithdrawsAroundTheConditioningStart_IsCriticalFromThatDayAndAlerts(int day, bool critical)
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "DonorWithdrawalCritical", "CollectionCaseCancelled",
            "DonorReleased");
        var c = await _steps.AtAsync(CollectionCaseStatus.AdmissionAndMobilisation);
        var planned = CollectionSteps.Parse(c.Plan.ConditioningStart).AddDays(day - 3);
        _steps.ClockTo(planned, 10);
        var local = await _steps.LocalAsync();

        var cancelled = await local.CancelCaseAsync(new CancelCaseRequest
        {
            Name = c.Name, Reason = CancellationReason.DonorWithdrew, DecidedBy = DecidingParty.Donor, Note = "悔捐",
        });

        Assert.Equal(CollectionCaseStatus.Cancelled, cancelled.Status);
        Assert.Equal(critical, cancelled.CriticalWithdrawal);
        var caseId = c.Name["collectionCases/".Length..];
        Assert.True(await tap.SeenAsync("CollectionCaseCancelled", "collectionCaseId", caseId));
        // Codes, ids and times only: the free-text note stays in the case.
        var cancelledEvent = Assert.Single(tap.Received("CollectionCaseCancelled", "collectionCaseId", caseId));
        Assert.Equal(["atStep", "cancelledAt", "cityRegion", "collectionCaseId", "criticalWithdrawal", "decidedBy", "donorId", "donorRequestId", "reason"],
            cancelledEvent.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("DonorWithdrew", cancelledEvent.GetProperty("reason").GetString());
        Assert.Equal("AdmissionAndMobilisation", cancelledEvent.GetProperty("atStep").GetString());
        Assert.Equal(critical, cancelledEvent.GetProperty("criticalWithdrawal").GetBoolean());
        Assert.DoesNotContain("悔捐", cancelledEvent.GetRawText(), StringComparison.Ordinal);
        var donorId = cancelled.Donor["donors/".Length..];
        Assert.True(await tap.SeenAsync("DonorReleased", "donorId", donorId), "DonorReleased did not arrive.");
        Assert.Equal(["donorId", "releasedAt"], Assert.Single(tap.Received("DonorReleased", "donorId", donorId)).EnumerateObject().Select(p => p.Name).Order());
        if (critical)
        {
            Assert.True(await tap.SeenAsync("DonorWithdrawalCritical", "collectionCaseId", caseId), "No critical alert arrived.");
            var alert = tap.Received("DonorWithdrawalCritical", "collectionCaseId", caseId)[0];
            Assert.Equal(CollectionSteps.TransplantCentre, alert.GetProperty("transplantCentre").GetString());
            Assert.Equal("330200", alert.GetProperty("cityRegion").GetString());
            Assert.Equal(["cityRegion", "collectionCaseId", "conditioningStartedOn", "donorRequestId", "transplantCentre", "withdrawnAt"],
                alert.EnumerateObject().Select(p => p.Name).Order());
        }
        else
        {
            var outbox = await fixture.CountAsync($"SELECT count(*) AS \"Value\" FROM outbox_messages WHERE message_type LIKE '%DonorWithdrawalCritical%' AND body::text LIKE {"%" + caseId + "%"}");
            Assert.Equal(0, outbox);
        }
        // The request ended and the donor went back to the pool.
        var pool = fixture.Client<DonorPool.DonorPoolClient>(await fixture.TokenAsync(Roles.HscCoordinator, "RC-330200", "330200"));
        Assert.Equal(DonorStatus.Available, (await pool.GetDonorAsync(new GetDonorRequest { Name = cancelled.Donor, Purpose = "test" })).Status);
        var requests = fixture.Client<DonorRequests.DonorRequestsClient>(await fixture.TokenAsync(Roles.HscCoordinator, "RC-330200", "330200"));
        Assert.Equal(DonorRequestStatus.RequestCancelled,
            (await requests.GetDonorRequestAsync(new GetDonorRequestRequest { Name = cancelled.DonorRequest, Purpose = "test" })).Status);
    }

    [Fact]
    public async Task SuspendAndResume_ThroughTheApi_ReturnsToTheStepAndRestartsItsClock()
    {
        var c = await _steps.AtAsync(CollectionCaseStatus.CollectionPlan);
        var city = await _steps.CityAsync();

        var suspended = await city.SuspendCaseAsync(new SuspendCaseRequest { Name = c.Name, Reason = "donor abroad" });
        Assert.Equal(CollectionCaseStatus.Suspended, suspended.Status);
        Assert.Equal(CollectionCaseStatus.CollectionPlan, suspended.SuspendedFrom);
        Assert.DoesNotContain((await city.ListDueItemsAsync(new ListDueItemsRequest())).Items, i => i.CollectionCase == c.Name);

        fixture.Clock.Advance(TimeSpan.FromDays(10));
        var resumed = await city.ResumeCaseAsync(new ResumeCaseRequest { Name = c.Name });

        Assert.Equal(CollectionCaseStatus.CollectionPlan, resumed.Status);
        Assert.Equal(fixture.Clock.GetUtcNow(), resumed.StepStartedAt.ToDateTimeOffset());
        Assert.Equal(DueItemKind.StepWaiting, (await city.ListDueItemsAsync(new ListDueItemsRequest())).Items.Single(i => i.CollectionCase == c.Name).Kind);
    }

    private async Task SweepAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FollowUpReminderSweep>().RunAsync(CancellationToken.None);
    }

    private Task<int> RemindersAsync(Guid caseId, bool overdue) =>
        fixture.WithDbAsync(db => db.CollectionReminders.CountAsync(r => r.CaseId == caseId && r.Overdue == overdue));
}
