using System.Globalization;
using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>
/// The list rpcs the Portal pages use: a staff member's week, a family's and a campaign's visits, campaigns with progress, staff,
/// funds with their remaining budget, aid cases by family, fund and state — paged, and bounded by region. Each test works in its own
/// county of Ningbo, Wenzhou or Jiaxing, so other tests' rows never show up.
/// </summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class CareListTests(FamilyCareFixture fixture)
{
    private static readonly DateOnly Monday = NextMonday();

    [Fact]
    public async Task ListVisits_ForAStaffMembersWeek_ReturnsTheirVisitsInDateAndSlotOrderOverPages()
    {
        const string county = "330203";
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync(county));
        var (staff, _) = await fixture.NewStaffMemberAsync(county);
        var (other, _) = await fixture.NewStaffMemberAsync(county);
        var tuesday = await ScheduledVisitAsync(visits, county, Monday.AddDays(1), TimeSlot.Afternoon, staff);
        var mondayLate = await ScheduledVisitAsync(visits, county, Monday, TimeSlot.LateMorning, staff);
        var mondayEarly = await ScheduledVisitAsync(visits, county, Monday, TimeSlot.Morning, staff);
        await ScheduledVisitAsync(visits, county, Monday, TimeSlot.Morning, other);
        await ScheduledVisitAsync(visits, county, Monday.AddDays(7), TimeSlot.Morning, staff);
        var week = new ListVisitsRequest { StaffMember = "staffMembers/" + staff, FromDate = Day(Monday), ToDate = Day(Monday.AddDays(6)), PageSize = 2 };

        var first = await visits.ListVisitsAsync(week);
        week.PageToken = first.NextPageToken;
        var second = await visits.ListVisitsAsync(week);

        Assert.Equal([mondayEarly.Name, mondayLate.Name], first.Visits.Select(v => v.Name));
        Assert.Equal([tuesday.Name], second.Visits.Select(v => v.Name));
        Assert.NotEmpty(first.NextPageToken);
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task ListVisits_ByFamilyOrCampaign_ReturnsOnlyTheirVisits()
    {
        const string county = "330205";
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync(county));
        var family = await fixture.EnrolledFamilyAsync(county);
        await fixture.EnrolledFamilyAsync(county);
        var campaign = await visits.CreateCampaignAsync(NewCampaign(county, CampaignKind.SpringFestival));
        var routine = await visits.CreateVisitAsync(new CreateVisitRequest { RequestId = Guid.NewGuid().ToString(), Family = family });

        var ofCampaign = await visits.ListVisitsAsync(new ListVisitsRequest { Campaign = campaign.Name });
        var ofFamily = await visits.ListVisitsAsync(new ListVisitsRequest { Family = family });

        Assert.Equal(2, ofCampaign.Visits.Count);
        Assert.All(ofCampaign.Visits, v => Assert.Equal(campaign.Name, v.Campaign));
        Assert.Equal(2, ofFamily.Visits.Count);
        Assert.All(ofFamily.Visits, v => Assert.Equal(family, v.Family));
        Assert.Contains(ofFamily.Visits, v => v.Name == routine.Name);
    }

    [Fact]
    public async Task ListCampaigns_OfACounty_ShowsItsCampaignsWithProgressAndNoOtherCitys()
    {
        const string county = "330206";
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync(county));
        var (staff, _) = await fixture.NewStaffMemberAsync(county);
        for (var i = 0; i < 3; i++)
        {
            await fixture.EnrolledFamilyAsync(county);
        }
        var campaign = await visits.CreateCampaignAsync(NewCampaign(county, CampaignKind.MemorialDay));
        var foreign = await fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync("330300"))
            .CreateCampaignAsync(NewCampaign("330300", CampaignKind.MemorialDay));
        var planned = (await visits.ListVisitsAsync(new ListVisitsRequest { Campaign = campaign.Name })).Visits;
        await visits.ScheduleVisitAsync(new ScheduleVisitRequest { Name = planned[0].Name, Date = Day(Monday), Slot = TimeSlot.Morning, StaffMembers = { "staffMembers/" + staff } });
        await visits.RecordVisitOutcomeAsync(new RecordVisitOutcomeRequest { Name = planned[0].Name, Visited = new VisitOutcome { Goods = "鲜花" } });
        await visits.ScheduleVisitAsync(new ScheduleVisitRequest { Name = planned[1].Name, Date = Day(Monday), Slot = TimeSlot.Afternoon, StaffMembers = { "staffMembers/" + staff } });
        await visits.RecordVisitOutcomeAsync(new RecordVisitOutcomeRequest { Name = planned[1].Name, MissedReason = "家中无人" });

        var listed = await visits.ListCampaignsAsync(new ListCampaignsRequest { RegionCode = county });

        var mine = Assert.Single(listed.Campaigns, c => c.Name == campaign.Name);
        Assert.Equal((1, 0, 1, 1, 0), (mine.Progress.Planned, mine.Progress.Scheduled, mine.Progress.Visited, mine.Progress.Missed, mine.Progress.Closed));
        Assert.Equal(3, mine.PlannedVisits);
        Assert.DoesNotContain(listed.Campaigns, c => c.Name == foreign.Name);
    }

    [Fact]
    public async Task ListStaffMembers_OfACounty_ListsItsOwnAndItsCitysStaffButNoNeighbours()
    {
        var (own, _) = await fixture.NewStaffMemberAsync("330211");
        var (city, _) = await fixture.NewStaffMemberAsync("330200");
        var (neighbour, _) = await fixture.NewStaffMemberAsync("330212");
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync("330211"));

        var names = new List<string>();
        var request = new ListStaffMembersRequest { PageSize = 1 };
        do
        {
            var page = await visits.ListStaffMembersAsync(request);
            names.AddRange(page.StaffMembers.Select(s => s.Name));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Contains("staffMembers/" + own, names);
        Assert.Contains("staffMembers/" + city, names);
        Assert.DoesNotContain("staffMembers/" + neighbour, names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task ListAidFunds_OfACounty_ShowsTheFundsThatCanPayThereWithTheirRemainingBudget()
    {
        var manager = fixture.Client<StudentAid.StudentAidClient>(await fixture.ManagerTokenAsync(RegionCodes.Province));
        var county = await NewFundAsync(manager, "温州市鹿城区助学金", AidTier.County, "330302", 5_000_000);
        var city = await NewFundAsync(manager, "温州市助学金", AidTier.City, "330300", 8_000_000);
        var otherCity = await NewFundAsync(manager, "嘉兴市助学金", AidTier.City, "330400", 1_000_000);
        var neighbour = await NewFundAsync(manager, "温州市龙湾区助学金", AidTier.County, "330303", 1_000_000);
        var aid = fixture.Client<StudentAid.StudentAidClient>(await fixture.StaffTokenAsync("330302"));

        var funds = (await aid.ListAidFundsAsync(new ListAidFundsRequest { PageSize = 500 })).Funds;

        Assert.Contains(funds, f => f.Name == county && f.Budgets.Single().RemainingFen == 5_000_000);
        Assert.Contains(funds, f => f.Name == city && f.Budgets.Single().RemainingFen == 8_000_000);
        Assert.DoesNotContain(funds, f => f.Name == otherCity || f.Name == neighbour);
    }

    [Fact]
    public async Task ListAidCases_ByFamilyFundAndState_ReturnsOnlyTheMatchingCases()
    {
        const string county = "330402";
        var manager = fixture.Client<StudentAid.StudentAidClient>(await fixture.ManagerTokenAsync("330400"));
        var staff = fixture.Client<StudentAid.StudentAidClient>(await fixture.StaffTokenAsync("330400"));
        var fund = await NewFundAsync(manager, "嘉兴市南湖区助学金", AidTier.County, county, 1_000_000);
        var (approvedFamily, approvedChild) = await fixture.FamilyWithChildAsync(county);
        var (identifiedFamily, identifiedChild) = await fixture.FamilyWithChildAsync(county);
        var approved = await staff.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = approvedFamily, ChildId = approvedChild });
        await staff.ApplyAidCaseAsync(new ApplyAidCaseRequest { Name = approved.Name, GuardianName = "王芳" });
        await staff.VerifyAidCaseAsync(new VerifyAidCaseRequest { Name = approved.Name, HardshipVerified = true, EnrolmentVerified = true });
        await manager.ApproveAidCaseAsync(new ApproveAidCaseRequest { Name = approved.Name, Fund = fund, Year = 2026 });
        var identified = await staff.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = identifiedFamily, ChildId = identifiedChild });

        var byFund = await staff.ListAidCasesAsync(new ListAidCasesRequest { Fund = fund });
        var byState = await staff.ListAidCasesAsync(new ListAidCasesRequest { RegionCode = county, Status = AidStatus.Identified });
        var byFamily = await staff.ListAidCasesAsync(new ListAidCasesRequest { Family = approvedFamily });
        var elsewhere = await fixture.Client<StudentAid.StudentAidClient>(await fixture.StaffTokenAsync("330200"))
            .ListAidCasesAsync(new ListAidCasesRequest { Family = approvedFamily });

        Assert.Equal([approved.Name], byFund.AidCases.Select(a => a.Name));
        Assert.Equal([identified.Name], byState.AidCases.Select(a => a.Name));
        Assert.Equal([approved.Name], byFamily.AidCases.Select(a => a.Name));
        Assert.Equal(AidStatus.Approved, byFamily.AidCases[0].Status);
        Assert.Empty(elsewhere.AidCases);
    }

    private async Task<Visit> ScheduledVisitAsync(Visits.VisitsClient visits, string county, DateOnly day, TimeSlot slot, string staff)
    {
        var visit = await visits.CreateVisitAsync(new CreateVisitRequest { RequestId = Guid.NewGuid().ToString(), Family = await fixture.EnrolledFamilyAsync(county) });
        return await visits.ScheduleVisitAsync(new ScheduleVisitRequest { Name = visit.Name, Date = Day(day), Slot = slot, StaffMembers = { "staffMembers/" + staff } });
    }

    private static async Task<string> NewFundAsync(StudentAid.StudentAidClient manager, string name, AidTier tier, string region, long budgetFen)
    {
        var fund = await manager.CreateAidFundAsync(new CreateAidFundRequest
        {
            RequestId = Guid.NewGuid().ToString(), Fund = new AidFund { DisplayName = name, Tier = tier, RegionCode = region },
        });
        await manager.SetFundBudgetAsync(new SetFundBudgetRequest { Name = fund.Name, Year = 2026, AmountFen = budgetFen });
        return fund.Name;
    }

    private static CreateCampaignRequest NewCampaign(string region, CampaignKind kind) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Campaign = new Campaign { Kind = kind, DisplayName = "清明缅怀", RegionCode = region, StartDate = Day(Monday), EndDate = Day(Monday.AddDays(13)) },
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly NextMonday()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(8));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }
        return day;
    }
}
