using DonationRegistry.Common.Errors;
using DonationRegistry.FamilyCare.Domain.Planning;
using DonationRegistry.FamilyCare.Domain.Visits;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

/// <summary>Accepting a whole week: all visits scheduled or none, the first broken rule naming the visit by its index.</summary>
public sealed class PlanAcceptanceTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly StaffMember WestLake = new("s-xihu", "西湖区工作人员", "330106");
    private static readonly StaffMember Gongshu = new("s-gongshu", "拱墅区工作人员", "330105");

    [Fact]
    public void ScheduleAll_WhenEveryRuleHolds_SchedulesEveryVisitAndReturnsItsBookings()
    {
        var visits = new[] { NewVisit(), NewVisit() };
        var plan = new[]
        {
            new AcceptedVisit(0, visits[0], new VisitSlot(Monday, TimeSlot.Morning), [WestLake]),
            new AcceptedVisit(1, visits[1], new VisitSlot(Monday, TimeSlot.LateMorning), [WestLake]),
        };

        var taken = PlanAcceptance.ScheduleAll(plan, [], Samples.Now);

        Assert.All(visits, v => Assert.Equal(VisitStatus.Scheduled, v.Status));
        Assert.Equal([visits[0].Id, visits[1].Id], taken.Select(b => b.VisitId));
    }

    public static TheoryData<string, string> BrokenPlans() => new()
    {
        { "two visits of the plan in one slot", CareRules.StaffDoubleBooked },
        { "slot held by a visit outside the plan", CareRules.StaffDoubleBooked },
        { "staff of the neighbouring county", CareRules.StaffOutsideRegion },
        { "a visit already done", CareRules.VisitNotSchedulable },
    };

    [Theory]
    [MemberData(nameof(BrokenPlans))]
    public void ScheduleAll_WhenTheSecondVisitBreaksARule_ThrowsNamingItAndSchedulesNothingAfterIt(string label, string rule)
    {
        var first = NewVisit();
        var second = NewVisit();
        var morning = new VisitSlot(Monday, TimeSlot.Morning);
        var afternoon = new VisitSlot(Monday, TimeSlot.Afternoon);
        var existing = new List<Booking>();
        var (slot, staff) = (afternoon, new List<StaffMember> { WestLake });
        switch (label)
        {
            case "two visits of the plan in one slot":
                slot = morning;
                break;
            case "slot held by a visit outside the plan":
                existing.Add(new Booking(WestLake.Id, afternoon, Guid.NewGuid()));
                break;
            case "staff of the neighbouring county":
                staff = [Gongshu];
                break;
            default:
                second.Schedule(new VisitSlot(Monday.AddDays(-7), TimeSlot.Morning), [WestLake], [], Samples.Now);
                second.RecordVisited(new VisitOutcome(0m, null, null, null, false), Samples.Now);
                break;
        }
        var plan = new[]
        {
            new AcceptedVisit(0, first, morning, [WestLake]),
            new AcceptedVisit(1, second, slot, staff),
        };

        var ex = Assert.Throws<CareRuleException>(() => PlanAcceptance.ScheduleAll(plan, existing, Samples.Now));

        Assert.Equal(rule, ex.Rule);
        Assert.StartsWith("visits[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleAll_WithOneFamilyTwice_IsADuplicateNamingTheSecond()
    {
        var first = NewVisit();
        var again = Visit.Plan(Guid.NewGuid(), first.FamilyId, "330106", false, CampaignKind.Routine, null);
        var plan = new[]
        {
            new AcceptedVisit(0, first, new VisitSlot(Monday, TimeSlot.Morning), [WestLake]),
            new AcceptedVisit(1, again, new VisitSlot(Monday, TimeSlot.Afternoon), [WestLake]),
        };

        var ex = Assert.Throws<DuplicateException>(() => PlanAcceptance.ScheduleAll(plan, [], Samples.Now));

        Assert.StartsWith("visits[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleAll_MovingAVisitOfThePlan_FreesItsOldSlotForALaterVisit()
    {
        var moved = NewVisit();
        moved.Schedule(new VisitSlot(Monday, TimeSlot.Morning), [WestLake], [], Samples.Now);
        var next = NewVisit();
        var plan = new[]
        {
            new AcceptedVisit(0, moved, new VisitSlot(Monday, TimeSlot.Afternoon), [WestLake]),
            new AcceptedVisit(1, next, new VisitSlot(Monday, TimeSlot.Morning), [WestLake]),
        };

        var taken = PlanAcceptance.ScheduleAll(plan, moved.Bookings(), Samples.Now);

        Assert.Equal([(moved.Id, TimeSlot.Afternoon), (next.Id, TimeSlot.Morning)], taken.Select(b => (b.VisitId, b.Slot.Slot)));
    }

    private static Visit NewVisit() => Visit.Plan(Guid.NewGuid(), Guid.NewGuid(), "330106", false, CampaignKind.Routine, null);
}
