using DonationRegistry.Common.Errors;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Domain.Visits;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

public sealed class SchedulingRulesTests
{
    private static readonly VisitSlot Slot = new(new DateOnly(2026, 11, 24), TimeSlot.Morning);
    private static readonly StaffMember WestLake = new("s-xihu", "西湖区工作人员", "330106");
    private static readonly StaffMember Gongshu = new("s-gongshu", "拱墅区工作人员", "330105");
    private static readonly StaffMember Hangzhou = new("s-hz", "杭州市工作人员", "330100");
    private static readonly StaffMember Province = new("s-zj", "省红会工作人员", "330000");
    private static readonly StaffMember Ningbo = new("s-nb", "宁波市工作人员", "330200");

    // Family in 西湖 (330106). Each case: staff, who is already booked at the slot, and the expected rule (null = allowed).
    public static TheoryData<string, string[], string[], string?> Cases() => new()
    {
        { "county staff in own county", ["s-xihu"], [], null },
        { "city staff over its county", ["s-hz"], [], null },
        { "province staff anywhere", ["s-zj"], [], null },
        { "two staff, both free", ["s-xihu", "s-hz"], [], null },
        { "other staff booked at the slot", ["s-xihu"], ["s-gongshu"], null },
        { "staff booked at the slot", ["s-xihu"], ["s-xihu"], CareRules.StaffDoubleBooked },
        { "second of two staff booked", ["s-xihu", "s-hz"], ["s-hz"], CareRules.StaffDoubleBooked },
        { "neighbouring county's staff", ["s-gongshu"], [], CareRules.StaffOutsideRegion },
        { "another city's staff", ["s-nb"], [], CareRules.StaffOutsideRegion },
        { "no staff", [], [], CareRules.NoStaff },
        { "same staff twice", ["s-xihu", "s-xihu"], [], CareRules.StaffListedTwice },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Schedule_ByStaffRegionAndBookings_FollowsTheRules(string because, string[] staffIds, string[] bookedIds, string? rule)
    {
        var family = Samples.EnrolledFamily("330106");
        var visit = Visit.Plan(Guid.NewGuid(), family.Id, family.Region, false, CampaignKind.Routine, null);
        var staff = staffIds.Select(Member).ToList();
        var bookings = bookedIds.Select(id => new Booking(id, Slot, Guid.NewGuid())).ToList();

        var ex = Record.Exception(() => visit.Schedule(Slot, staff, bookings, Samples.Now));

        if (rule is null)
        {
            Assert.True(ex is null, because);
            Assert.Equal(VisitStatus.Scheduled, visit.Status);
            Assert.Equal(staffIds, visit.StaffIds);
            Assert.Equal(Slot, visit.Slot);
        }
        else
        {
            Assert.Equal(rule, Assert.IsType<CareRuleException>(ex).Rule);
            Assert.Equal(VisitStatus.Planned, visit.Status);
            Assert.Null(visit.Slot);
        }
    }

    [Fact]
    public void Schedule_WhenBookedOnlyByTheSameVisit_AllowsRescheduling()
    {
        var visit = Visit.Plan(Guid.NewGuid(), Guid.NewGuid(), "330106", false, CampaignKind.Routine, null);
        visit.Schedule(Slot, [WestLake], [], Samples.Now);
        var later = Slot with { Slot = TimeSlot.Afternoon };

        visit.Schedule(later, [WestLake], [.. visit.Bookings()], Samples.Now);

        Assert.Equal(later, visit.Slot);
    }

    [Fact]
    public void Schedule_WhenSameStaffAtAnotherSlot_IsAllowed()
    {
        var visit = Visit.Plan(Guid.NewGuid(), Guid.NewGuid(), "330106", false, CampaignKind.Routine, null);
        Booking[] bookings = [new("s-xihu", Slot with { Slot = TimeSlot.LateMorning }, Guid.NewGuid())];

        visit.Schedule(Slot, [WestLake], bookings, Samples.Now);

        Assert.Equal(VisitStatus.Scheduled, visit.Status);
    }

    [Fact]
    public void Schedule_WhenVisitAlreadyVisited_IsIllegal()
    {
        var visit = Visit.Plan(Guid.NewGuid(), Guid.NewGuid(), "330106", false, CampaignKind.Routine, null);
        visit.Schedule(Slot, [WestLake], [], Samples.Now);
        visit.RecordVisited(new VisitOutcome(2000m, "米、油", null, null, false), Samples.Now);

        Assert.Throws<IllegalTransitionException>(() => visit.Schedule(Slot, [WestLake], [], Samples.Now));
    }

    [Fact]
    public void EnsureOnePerCampaign_WhenFamilyAlreadyInCampaign_IsDuplicate()
    {
        var familyId = Guid.NewGuid();
        var campaignId = Guid.NewGuid();

        Assert.Throws<DuplicateException>(() =>
            SchedulingRules.EnsureOnePerCampaign(familyId, campaignId, [(familyId, campaignId)]));
        SchedulingRules.EnsureOnePerCampaign(familyId, campaignId, [(familyId, Guid.NewGuid()), (Guid.NewGuid(), campaignId)]);
    }

    [Fact]
    public void PlanVisits_WhenRunTwice_PlansOneVisitPerFamily()
    {
        var families = Enumerable.Range(0, 5).Select(_ => Samples.EnrolledFamily()).ToList();
        var campaign = Campaign.Create(Guid.NewGuid(), CampaignKind.SpringFestival, "博爱送万家 2027", "330100",
            new DateOnly(2027, 1, 20), new DateOnly(2027, 2, 10));

        var first = campaign.PlanVisits(families, new HashSet<Guid>(), Guid.NewGuid);
        var second = campaign.PlanVisits(families, first.Select(v => v.FamilyId).ToHashSet(), Guid.NewGuid);

        Assert.Equal(5, first.Count);
        Assert.Empty(second);
        Assert.All(first, v => Assert.Equal(campaign.Id, v.CampaignId));
    }

    // Which families a campaign includes: kind × (source, has elders, region, enrolled).
    [Theory]
    [InlineData(CampaignKind.SpringFestival, ReferralSource.HscDonation, false, "330106", true, true)]
    [InlineData(CampaignKind.DoubleNinth, ReferralSource.OrganDonation, true, "330106", true, true)]
    [InlineData(CampaignKind.DoubleNinth, ReferralSource.OrganDonation, false, "330106", true, false)]
    [InlineData(CampaignKind.MemorialDay, ReferralSource.BodyDonation, false, "330106", true, true)]
    [InlineData(CampaignKind.MemorialDay, ReferralSource.HscDonation, false, "330106", true, false)]
    [InlineData(CampaignKind.Routine, ReferralSource.TissueDonation, false, "330206", true, false)]
    [InlineData(CampaignKind.Routine, ReferralSource.TissueDonation, false, "330106", false, false)]
    public void Includes_ByKindAndFamily_SelectsTheFamiliesInScope(
        CampaignKind kind, ReferralSource source, bool elders, string region, bool enrolled, bool included)
    {
        var family = Family.Refer(Guid.NewGuid(), source, Guid.NewGuid(), null, region, true, Samples.Now);
        if (enrolled)
        {
            family.RecordConsent(Samples.Now);
            if (elders)
            {
                family.AddElder(Guid.NewGuid(), "老人", 80, "一般", LivingSituation.Alone);
            }
        }
        var campaign = Campaign.Create(Guid.NewGuid(), kind, "活动", "330100", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

        Assert.Equal(included, campaign.Includes(family));
    }

    private static StaffMember Member(string id) =>
        new[] { WestLake, Gongshu, Hangzhou, Province, Ningbo }.Single(s => s.Id == id);
}
