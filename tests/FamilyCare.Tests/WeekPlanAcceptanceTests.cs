extern alias familycare;

using System.Globalization;
using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>
/// AcceptWeekPlan through the API: a proposal (as is or edited) is scheduled in one call, every rule is checked again and the first
/// broken one refuses the whole plan naming the visit, and a stale proposal is ABORTED. Each test plans its own county, so the due
/// lists (and etags) of other tests never mix in.
/// </summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class WeekPlanAcceptanceTests(FamilyCareFixture fixture)
{
    [Fact]
    public async Task AcceptWeekPlan_AsProposed_SchedulesEveryVisitAndTheFamiliesAreNotProposedAgain()
    {
        var (visits, staff, monday) = await TeamAsync("330108", families: 3);
        var plan = await ProposeAsync(visits, staff, monday);

        var accepted = await visits.AcceptWeekPlanAsync(Accept(plan, staff, monday));
        var again = await ProposeAsync(visits, staff, monday);

        Assert.Equal(3, plan.Visits.Count);
        Assert.Equal(plan.Visits.Count, accepted.Visits.Count);
        Assert.All(accepted.Visits.Zip(plan.Visits), pair =>
        {
            Assert.Equal(VisitStatus.Scheduled, pair.First.Status);
            Assert.Equal(pair.Second.Family, pair.First.Family);
            Assert.Equal((pair.Second.Date, pair.Second.Slot), (pair.First.Date, pair.First.Slot));
            Assert.Equal(pair.Second.StaffMembers, pair.First.StaffMembers);
        });
        Assert.Equal(3, await BookingsAsync(staff));
        Assert.Empty(again.Visits);
        Assert.NotEqual(plan.Etag, again.Etag);
    }

    [Fact]
    public async Task AcceptWeekPlan_WhenEditedToAnotherSlotAndStaffMember_SchedulesTheEditedPlan()
    {
        var (visits, staff, monday) = await TeamAsync("330109", families: 2);
        var (other, _) = await fixture.NewStaffMemberAsync("330109");
        var plan = await ProposeAsync(visits, staff, monday);
        var request = Accept(plan, staff, monday);
        request.Visits.RemoveAt(1);
        request.Visits[0].Date = Day(monday, 3);
        request.Visits[0].Slot = TimeSlot.LateAfternoon;
        request.Visits[0].StaffMembers.Clear();
        request.Visits[0].StaffMembers.Add("staffMembers/" + other);

        var accepted = await visits.AcceptWeekPlanAsync(request);

        var visit = Assert.Single(accepted.Visits);
        Assert.Equal((Day(monday, 3), TimeSlot.LateAfternoon), (visit.Date, visit.Slot));
        Assert.Equal(["staffMembers/" + other], visit.StaffMembers);
        Assert.Equal(0, await BookingsAsync(staff));
        Assert.Equal(1, await BookingsAsync(other));
    }

    public enum Edit
    {
        TwoVisitsInOneSlotOfOneStaffMember,
        StaffMemberOutsideTheFamilysRegion,
        SlotAlreadyBookedOutsideThePlan,
        SameFamilyTwice,
    }

    [Theory]
    [InlineData(Edit.TwoVisitsInOneSlotOfOneStaffMember, "330111", StatusCode.FailedPrecondition, "STAFF_DOUBLE_BOOKED")]
    [InlineData(Edit.StaffMemberOutsideTheFamilysRegion, "330112", StatusCode.FailedPrecondition, "STAFF_OUTSIDE_REGION")]
    [InlineData(Edit.SlotAlreadyBookedOutsideThePlan, "330113", StatusCode.FailedPrecondition, "STAFF_DOUBLE_BOOKED")]
    [InlineData(Edit.SameFamilyTwice, "330114", StatusCode.AlreadyExists, "")]
    public async Task AcceptWeekPlan_WhenAnEditBreaksARule_RefusesTheWholePlanNamingTheVisitAndWritesNothing(Edit edit, string county,
        StatusCode expected, string rule)
    {
        var (visits, staff, monday) = await TeamAsync(county, families: 3);
        var (outsider, _) = await fixture.NewStaffMemberAsync("330200");
        var (busy, _) = await fixture.NewStaffMemberAsync(county);
        var planned = await visits.CreateVisitAsync(new CreateVisitRequest
        {
            RequestId = Guid.NewGuid().ToString(), Family = await fixture.EnrolledFamilyAsync(county),
        });
        await visits.ScheduleVisitAsync(new ScheduleVisitRequest
        {
            Name = planned.Name, Date = Day(monday, 2), Slot = TimeSlot.Morning, StaffMembers = { "staffMembers/" + busy },
        });
        var plan = await ProposeAsync(visits, staff, monday);
        var request = Accept(plan, staff, monday);
        var last = request.Visits[2];
        switch (edit)
        {
            case Edit.TwoVisitsInOneSlotOfOneStaffMember:
                (last.Date, last.Slot) = (request.Visits[0].Date, request.Visits[0].Slot);
                break;
            case Edit.StaffMemberOutsideTheFamilysRegion:
                last.StaffMembers.Add("staffMembers/" + outsider);
                break;
            case Edit.SlotAlreadyBookedOutsideThePlan:
                (last.Date, last.Slot) = (Day(monday, 2), TimeSlot.Morning);
                last.StaffMembers.Add("staffMembers/" + busy);
                break;
            case Edit.SameFamilyTwice:
                last.Family = request.Visits[0].Family;
                last.Visit = "";
                break;
        }
        var before = await RowsAsync();

        var ex = await RpcAssert.FailsAsync(expected, () => visits.AcceptWeekPlanAsync(request).ResponseAsync);

        Assert.Contains("visits[2]", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(rule, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task AcceptWeekPlan_WhenTheWeekChangedSinceTheProposal_IsAbortedAndWritesNothing()
    {
        var (visits, staff, monday) = await TeamAsync("330122", families: 2);
        var plan = await ProposeAsync(visits, staff, monday);
        await NewDueFamilyAsync("330122");
        var before = await RowsAsync();

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => visits.AcceptWeekPlanAsync(Accept(plan, staff, monday)).ResponseAsync);

        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task AcceptWeekPlan_Twice_IsAbortedTheSecondTime()
    {
        var (visits, staff, monday) = await TeamAsync("330127", families: 2);
        var plan = await ProposeAsync(visits, staff, monday);
        await visits.AcceptWeekPlanAsync(Accept(plan, staff, monday));

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => visits.AcceptWeekPlanAsync(Accept(plan, staff, monday)).ResponseAsync);

        Assert.Equal(2, await BookingsAsync(staff));
    }

    [Fact]
    public async Task AcceptWeekPlan_ForAFamilyWithACampaignVisit_SchedulesThatVisitAndAllowsNoSecondInTheCampaign()
    {
        var (visits, staff, monday) = await TeamAsync("330182", families: 1);
        var campaign = await visits.CreateCampaignAsync(new CreateCampaignRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Campaign = new Campaign
            {
                Kind = CampaignKind.DoubleNinth, DisplayName = "重阳敬老", RegionCode = "330182", StartDate = Day(monday, 0), EndDate = Day(monday, 6),
            },
        });
        var plan = await ProposeAsync(visits, staff, monday);
        var proposed = Assert.Single(plan.Visits);
        var second = Accept(plan, staff, monday);
        (second.Visits[0].Visit, second.Visits[0].Campaign) = ("", campaign.Name);

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => visits.AcceptWeekPlanAsync(second).ResponseAsync);
        var accepted = await visits.AcceptWeekPlanAsync(Accept(plan, staff, monday));

        Assert.NotEmpty(proposed.Visit);
        var visit = Assert.Single(accepted.Visits);
        Assert.Equal((proposed.Visit, campaign.Name, VisitStatus.Scheduled), (visit.Name, visit.Campaign, visit.Status));
    }

    [Fact]
    public async Task AcceptWeekPlan_ByAStaffMemberOfAnotherCity_IsPermissionDenied()
    {
        var (visits, staff, monday) = await TeamAsync("330183", families: 1);
        var plan = await ProposeAsync(visits, staff, monday);
        var foreign = fixture.Client<Visits.VisitsClient>(await fixture.TokenAsync(Roles.FamilyCareStaff, "330200"));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => foreign.AcceptWeekPlanAsync(Accept(plan, staff, monday)).ResponseAsync);
    }

    /// <summary>A staff member of <paramref name="county"/>, that county's staff client, and <paramref name="families"/> due families there.</summary>
    private async Task<(Visits.VisitsClient Visits, string Staff, DateOnly Monday)> TeamAsync(string county, int families)
    {
        var (staff, _) = await fixture.NewStaffMemberAsync(county);
        for (var i = 0; i < families; i++)
        {
            await NewDueFamilyAsync(county);
        }
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.TokenAsync(Roles.FamilyCareStaff, county));
        var monday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(8));
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }
        return (visits, staff, monday);
    }

    /// <summary>An enrolled family with an elderly parent never visited: due this quarter.</summary>
    private async Task NewDueFamilyAsync(string county)
    {
        var family = await fixture.EnrolledFamilyAsync(county);
        await fixture.Client<Families.FamiliesClient>(await fixture.StaffTokenAsync()).AddElderAsync(new AddElderRequest
        {
            Name = family, DisplayName = "陈爷爷", Age = 79, Health = "腿脚不便", LivingSituation = LivingSituation.WithSpouse,
        });
    }

    private static Task<WeekPlan> ProposeAsync(Visits.VisitsClient visits, string staff, DateOnly monday) =>
        visits.ProposeWeekPlanAsync(new ProposeWeekPlanRequest { WeekStartDate = Day(monday, 0), StaffMembers = { "staffMembers/" + staff } })
            .ResponseAsync;

    private static AcceptWeekPlanRequest Accept(WeekPlan plan, string staff, DateOnly monday) =>
        new() { WeekStartDate = Day(monday, 0), StaffMembers = { "staffMembers/" + staff }, Etag = plan.Etag, Visits = { plan.Visits.Select(v => v.Clone()) } };

    private static string Day(DateOnly monday, int offset) => monday.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> BookingsAsync(string staff) => fixture.WithDbAsync(db => db.Bookings.CountAsync(b => b.StaffId == staff));

    private Task<string> RowsAsync() => fixture.WithDbAsync(async db =>
        string.Join(",", await db.Audit.CountAsync(), await db.Visits.CountAsync(), await db.Bookings.CountAsync(),
            await db.Visits.CountAsync(v => v.Status == familycare::DonationRegistry.FamilyCare.Domain.Visits.VisitStatus.Scheduled)));
}
