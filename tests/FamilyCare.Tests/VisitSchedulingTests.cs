using System.Globalization;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

[Collection(FamilyCareFixture.Collection)]
public sealed class VisitSchedulingTests(FamilyCareFixture fixture)
{
    private static readonly string Day = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ScheduleVisit_WhenStaffAlreadyBookedAtTheSlot_IsRefused()
    {
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync());
        var (staffId, _) = await fixture.NewStaffMemberAsync();
        var first = await NewVisitAsync(visits);
        var second = await NewVisitAsync(visits);

        await visits.ScheduleVisitAsync(Schedule(first, TimeSlot.Morning, staffId));
        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () =>
            visits.ScheduleVisitAsync(Schedule(second, TimeSlot.Morning, staffId)).ResponseAsync);
        var later = await visits.ScheduleVisitAsync(Schedule(second, TimeSlot.Afternoon, staffId));

        Assert.Contains("already has a visit", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(VisitStatus.Scheduled, later.Status);
    }

    [Fact]
    public async Task ScheduleVisit_WhenTwoVisitsRaceForTheSameStaffAndSlot_ExactlyOneIsBooked()
    {
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync());
        var (staffId, _) = await fixture.NewStaffMemberAsync();
        var first = await NewVisitAsync(visits);
        var second = await NewVisitAsync(visits);

        var results = await Task.WhenAll(
            Outcome(() => visits.ScheduleVisitAsync(Schedule(first, TimeSlot.LateMorning, staffId)).ResponseAsync),
            Outcome(() => visits.ScheduleVisitAsync(Schedule(second, TimeSlot.LateMorning, staffId)).ResponseAsync));

        Assert.Single(results, r => r == StatusCode.OK);
        Assert.Single(results, r => r is StatusCode.FailedPrecondition or StatusCode.Aborted);
    }

    [Theory]
    [InlineData("330106", StatusCode.OK)]
    [InlineData("330100", StatusCode.OK)]
    [InlineData("330105", StatusCode.FailedPrecondition)]
    [InlineData("330200", StatusCode.FailedPrecondition)]
    public async Task ScheduleVisit_ByStaffRegion_KeepsStaffInTheirRegion(string staffRegion, StatusCode expected)
    {
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync());
        var (staffId, _) = await fixture.NewStaffMemberAsync(staffRegion);
        var visit = await NewVisitAsync(visits);

        var result = await Outcome(() => visits.ScheduleVisitAsync(Schedule(visit, TimeSlot.Afternoon, staffId)).ResponseAsync);

        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task CreateVisit_WhenFamilyAlreadyHasOneInTheCampaign_IsAlreadyExists()
    {
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync());
        var family = await fixture.EnrolledFamilyAsync();
        var campaign = await visits.CreateCampaignAsync(new CreateCampaignRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Campaign = new Campaign
            {
                Kind = CampaignKind.SpringFestival, DisplayName = "2027 博爱送万家", RegionCode = FamilyCareFixture.County,
                StartDate = "2027-01-20", EndDate = "2027-02-10",
            },
        });

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => visits.CreateVisitAsync(new CreateVisitRequest
        {
            RequestId = Guid.NewGuid().ToString(), Family = family, Campaign = campaign.Name,
        }).ResponseAsync);
        Assert.True(campaign.PlannedVisits >= 1);
    }

    [Fact]
    public async Task RecordVisitOutcome_WithAFollowUpDate_PutsTheFamilyOnTheDueListThatDay()
    {
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync());
        var (staffId, _) = await fixture.NewStaffMemberAsync();
        var visit = await NewVisitAsync(visits);
        await visits.ScheduleVisitAsync(Schedule(visit, TimeSlot.LateAfternoon, staffId));
        var followUp = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var done = await visits.RecordVisitOutcomeAsync(new RecordVisitOutcomeRequest
        {
            Name = visit.Name,
            Visited = new VisitOutcome { CashFen = 200_000, Goods = "米、油", NeedsFound = "老人行动不便", FollowUpDate = followUp, PhotoConsent = true },
        });
        var before = await visits.ListDueItemsAsync(new ListDueItemsRequest { RegionCode = FamilyCareFixture.County, AsOfDate = Day });
        var after = await visits.ListDueItemsAsync(new ListDueItemsRequest { RegionCode = FamilyCareFixture.County, AsOfDate = followUp });

        Assert.Equal(VisitStatus.Visited, done.Status);
        Assert.DoesNotContain(before.Items, i => i.Family == visit.Family && i.Kind == DueKind.FollowUpDue);
        Assert.Contains(after.Items, i => i.Family == visit.Family && i.Kind == DueKind.FollowUpDue && i.Subject == visit.Name);
    }

    [Fact]
    public async Task ProposeWeekPlan_ForATeam_ProposesOnlyFreeSlotsInsideTheirRegions()
    {
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync());
        var (a, _) = await fixture.NewStaffMemberAsync();
        var (b, _) = await fixture.NewStaffMemberAsync();
        var family = await fixture.EnrolledFamilyAsync();
        await fixture.Client<Families.FamiliesClient>(await fixture.StaffTokenAsync()).AddElderAsync(new AddElderRequest
        {
            Name = family, DisplayName = "张奶奶", Age = 81, Health = "高血压", LivingSituation = LivingSituation.Alone,
        });
        var monday = NextMonday();

        var plan = await visits.ProposeWeekPlanAsync(new ProposeWeekPlanRequest
        {
            WeekStartDate = monday, StaffMembers = { "staffMembers/" + a, "staffMembers/" + b },
            Unavailable = { new Unavailability { StaffMember = "staffMembers/" + b, Date = monday } },
        });

        Assert.NotEmpty(plan.Visits);
        Assert.All(plan.Visits, v => Assert.Equal(FamilyCareFixture.County, v.RegionCode));
        Assert.DoesNotContain(plan.Visits, v => v.StaffMembers.Contains("staffMembers/" + b) && v.Date == monday);
        Assert.Equal(plan.Visits.Count, plan.Visits.Select(v => (v.Date, v.Slot, v.StaffMembers[0])).Distinct().Count());
        Assert.Contains(plan.Visits.Concat<object>(plan.Unplanned), x => x switch
        {
            ProposedVisit p => p.Family == family,
            DueItem d => d.Family == family,
            _ => false,
        });
    }

    private static string NextMonday()
    {
        var day = DateTime.UtcNow.Date.AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }
        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task<Visit> NewVisitAsync(Visits.VisitsClient visits) =>
        await visits.CreateVisitAsync(new CreateVisitRequest { RequestId = Guid.NewGuid().ToString(), Family = await fixture.EnrolledFamilyAsync() });

    private static ScheduleVisitRequest Schedule(Visit visit, TimeSlot slot, string staffId) =>
        new() { Name = visit.Name, Date = Day, Slot = slot, StaffMembers = { "staffMembers/" + staffId } };

    private static async Task<StatusCode> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
