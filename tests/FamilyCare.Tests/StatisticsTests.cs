using System.Globalization;
using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>GetFamilyCareStatistics counted against data this test creates in Huzhou (330500), a city no other test uses.</summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class StatisticsTests(FamilyCareFixture fixture)
{
    private const string City = "330500";
    private const string Wuxing = "330502";
    private const string Nanxun = "330503";

    [Fact]
    public async Task GetFamilyCareStatistics_OfACity_CountsFamiliesAidedChildrenDisbursementsAndVisits()
    {
        var manager = fixture.Client<StudentAid.StudentAidClient>(await fixture.ManagerTokenAsync(City));
        var aid = fixture.Client<StudentAid.StudentAidClient>(await fixture.StaffTokenAsync(City));
        var visits = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync(City));
        var (staff, _) = await fixture.NewStaffMemberAsync(City);
        var (aidedFamily, child) = await fixture.FamilyWithChildAsync(Wuxing);
        await fixture.EnrolledFamilyAsync(Wuxing);
        await fixture.EnrolledFamilyAsync(Nanxun);
        await fixture.ReferredFamilyAsync(Nanxun);
        var fund = await manager.CreateAidFundAsync(new CreateAidFundRequest
        {
            RequestId = Guid.NewGuid().ToString(), Fund = new AidFund { DisplayName = "湖州市小桔灯助学金", Tier = AidTier.City, RegionCode = City },
        });
        await manager.SetFundBudgetAsync(new SetFundBudgetRequest { Name = fund.Name, Year = 2026, AmountFen = 10_000_000 });
        var aidCase = await aid.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = aidedFamily, ChildId = child });
        await aid.ApplyAidCaseAsync(new ApplyAidCaseRequest { Name = aidCase.Name, GuardianName = "王芳" });
        await aid.VerifyAidCaseAsync(new VerifyAidCaseRequest { Name = aidCase.Name, HardshipVerified = true, EnrolmentVerified = true });
        await manager.ApproveAidCaseAsync(new ApproveAidCaseRequest { Name = aidCase.Name, Fund = fund.Name, Year = 2026 });
        await aid.DisburseAidCaseAsync(new DisburseAidCaseRequest { Name = aidCase.Name, Term = "2026-1", AmountFen = 130_000, PaymentReference = "HZ-1" });
        var campaign = await visits.CreateCampaignAsync(new CreateCampaignRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Campaign = new Campaign { Kind = CampaignKind.SpringFestival, DisplayName = "博爱送万家", RegionCode = City, StartDate = "2027-01-20", EndDate = "2027-02-10" },
        });
        var planned = (await visits.ListVisitsAsync(new ListVisitsRequest { RegionCode = City, Campaign = campaign.Name })).Visits;
        var day = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var visitedInWuxing = planned.First(v => v.RegionCode == Wuxing);
        var missedInNanxun = planned.Single(v => v.RegionCode == Nanxun);
        foreach (var (visit, slot) in new[] { (visitedInWuxing, TimeSlot.Morning), (missedInNanxun, TimeSlot.Afternoon) })
        {
            await visits.ScheduleVisitAsync(new ScheduleVisitRequest { Name = visit.Name, Date = day, Slot = slot, StaffMembers = { "staffMembers/" + staff } });
        }
        await visits.RecordVisitOutcomeAsync(new RecordVisitOutcomeRequest { Name = visitedInWuxing.Name, Visited = new VisitOutcome { CashFen = 50_000 } });
        await visits.RecordVisitOutcomeAsync(new RecordVisitOutcomeRequest { Name = missedInNanxun.Name, MissedReason = "外出务工" });

        var statistics = await fixture.Client<Families.FamiliesClient>(await fixture.TokenAsync(Roles.Auditor, RegionCodes.Province))
            .GetFamilyCareStatisticsAsync(new GetFamilyCareStatisticsRequest { RegionCode = City });
        var countyOnly = await fixture.Client<Families.FamiliesClient>(await fixture.StaffTokenAsync(City))
            .GetFamilyCareStatisticsAsync(new GetFamilyCareStatisticsRequest { RegionCode = Nanxun, Year = int.Parse(day[..4], CultureInfo.InvariantCulture) });

        Assert.Equal((1, 3, 0), (statistics.FamiliesReferred, statistics.FamiliesEnrolled, statistics.FamiliesWithdrawn));
        Assert.Equal([(Wuxing, 2), (Nanxun, 1)], statistics.FamiliesInCareByRegion.Select(r => (r.RegionCode, r.Count)));
        Assert.Equal([(SchoolStage.Primary, 1)], statistics.ChildrenAidedByStage.Select(s => (s.Stage, s.Children)));
        var paid = Assert.Single(statistics.Disbursed);
        Assert.Equal((fund.Name, AidTier.City, 2026, 130_000L, 1), (paid.Fund, paid.Tier, paid.Year, paid.AmountFen, paid.Payments));
        Assert.Equal([(campaign.Name, Wuxing, 1, 0), (campaign.Name, Nanxun, 0, 1)],
            statistics.VisitsDone.Select(v => (v.Campaign, v.RegionCode, v.Visited, v.Missed)));
        Assert.Equal((1, 1), (countyOnly.FamiliesReferred, countyOnly.FamiliesEnrolled));
        Assert.Empty(countyOnly.Disbursed);
        Assert.Equal([(Nanxun, 0, 1)], countyOnly.VisitsDone.Select(v => (v.RegionCode, v.Visited, v.Missed)));
    }

    [Fact]
    public async Task GetFamilyCareStatistics_OfAnotherCity_IsPermissionDenied()
    {
        var families = fixture.Client<Families.FamiliesClient>(await fixture.StaffTokenAsync("330100"));

        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, () =>
            families.GetFamilyCareStatisticsAsync(new GetFamilyCareStatisticsRequest { RegionCode = City }).ResponseAsync);
    }
}
