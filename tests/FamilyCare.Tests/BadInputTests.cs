using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>A table of bad requests: each fails with INVALID_ARGUMENT naming the field, and nothing is written.</summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class BadInputTests(FamilyCareFixture fixture)
{
    private static readonly string FamilyName = "families/" + Guid.NewGuid();
    private static readonly string CaseName = "aidCases/" + Guid.NewGuid();
    private static readonly string FundName = "aidFunds/" + Guid.NewGuid();
    private static readonly string VisitName = "visits/" + Guid.NewGuid();
    private static readonly string ChildId = Guid.NewGuid().ToString();
    private static readonly string Tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string Monday = NextMonday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string Tuesday = NextMonday().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Clients(Families.FamiliesClient Families, StudentAid.StudentAidClient Aid, Visits.VisitsClient Visits);

    private static readonly Dictionary<string, (string Field, Func<Clients, Task> Call)> Cases = new()
    {
        ["family name not a resource name"] = ("name", c => c.Families.GetFamilyAsync(new GetFamilyRequest { Name = "family/1" }).ResponseAsync),
        ["family name with a bad uuid"] = ("name", c => c.Families.GetFamilyAsync(new GetFamilyRequest { Name = "families/xyz" }).ResponseAsync),
        ["list with a foreign region"] = ("region_code", c => c.Families.ListFamiliesAsync(new ListFamiliesRequest { RegionCode = "110101" }).ResponseAsync),
        ["list with a negative page size"] = ("page_size", c => c.Families.ListFamiliesAsync(new ListFamiliesRequest { RegionCode = "330106", PageSize = -1 }).ResponseAsync),
        ["consent without evidence"] = ("evidence_reference", c => c.Families.RecordFamilyConsentAsync(new RecordFamilyConsentRequest { Name = FamilyName }).ResponseAsync),
        ["details without contact"] = ("contact", c => c.Families.UpdateFamilyDetailsAsync(new UpdateFamilyDetailsRequest { Name = FamilyName }).ResponseAsync),
        ["contact with a letter phone"] = ("contact.phone", c => c.Families.UpdateFamilyDetailsAsync(new UpdateFamilyDetailsRequest
            { Name = FamilyName, Contact = new ContactPerson { DisplayName = "张三", Phone = "call-me", Relationship = "配偶" } }).ResponseAsync),
        ["contact without a name"] = ("contact.display_name", c => c.Families.UpdateFamilyDetailsAsync(new UpdateFamilyDetailsRequest
            { Name = FamilyName, Contact = new ContactPerson { Phone = "13800000000", Relationship = "配偶" } }).ResponseAsync),
        ["child without a name"] = ("display_name", c => c.Families.AddChildAsync(new AddChildRequest { Name = FamilyName, BirthDate = "2015-01-01" }).ResponseAsync),
        ["child birth date not a date"] = ("birth_date", c => c.Families.AddChildAsync(new AddChildRequest { Name = FamilyName, DisplayName = "小明", BirthDate = "2015-13-01" }).ResponseAsync),
        ["child born in the future"] = ("birth_date", c => c.Families.AddChildAsync(new AddChildRequest { Name = FamilyName, DisplayName = "小明", BirthDate = "2099-01-01" }).ResponseAsync),
        ["guardian consent with a bad child id"] = ("child_id", c => c.Families.RecordGuardianConsentAsync(new RecordGuardianConsentRequest { Name = FamilyName, ChildId = "7", GuardianName = "王芳" }).ResponseAsync),
        ["guardian consent without a guardian"] = ("guardian_name", c => c.Families.RecordGuardianConsentAsync(new RecordGuardianConsentRequest { Name = FamilyName, ChildId = ChildId }).ResponseAsync),
        ["schooling without a stage"] = ("stage", c => c.Families.RecordChildSchoolingAsync(new RecordChildSchoolingRequest { Name = FamilyName, ChildId = ChildId, School = "西湖小学" }).ResponseAsync),
        ["schooling without a school"] = ("school", c => c.Families.RecordChildSchoolingAsync(new RecordChildSchoolingRequest { Name = FamilyName, ChildId = ChildId, Stage = SchoolStage.Primary }).ResponseAsync),
        ["elder aged 30"] = ("age", c => c.Families.AddElderAsync(new AddElderRequest { Name = FamilyName, DisplayName = "李", Age = 30, Health = "好", LivingSituation = LivingSituation.Alone }).ResponseAsync),
        ["elder without living situation"] = ("living_situation", c => c.Families.AddElderAsync(new AddElderRequest { Name = FamilyName, DisplayName = "李", Age = 80, Health = "好" }).ResponseAsync),
        ["elder with an unknown living situation"] = ("living_situation", c => c.Families.AddElderAsync(new AddElderRequest { Name = FamilyName, DisplayName = "李", Age = 80, Health = "好", LivingSituation = (LivingSituation)99 }).ResponseAsync),
        ["fund without request id"] = ("request_id", c => c.Aid.CreateAidFundAsync(new CreateAidFundRequest { Fund = new AidFund { DisplayName = "基金", Tier = AidTier.City, RegionCode = "330100" } }).ResponseAsync),
        ["fund without tier"] = ("fund.tier", c => c.Aid.CreateAidFundAsync(new CreateAidFundRequest { RequestId = Guid.NewGuid().ToString(), Fund = new AidFund { DisplayName = "基金", RegionCode = "330100" } }).ResponseAsync),
        ["fund with a foreign region"] = ("fund.region_code", c => c.Aid.CreateAidFundAsync(new CreateAidFundRequest { RequestId = Guid.NewGuid().ToString(), Fund = new AidFund { DisplayName = "基金", Tier = AidTier.City, RegionCode = "440100" } }).ResponseAsync),
        ["budget for year 1999"] = ("year", c => c.Aid.SetFundBudgetAsync(new SetFundBudgetRequest { Name = FundName, Year = 1999, AmountFen = 100 }).ResponseAsync),
        ["budget of zero"] = ("amount_fen", c => c.Aid.SetFundBudgetAsync(new SetFundBudgetRequest { Name = FundName, Year = 2026, AmountFen = 0 }).ResponseAsync),
        ["aid case with a bad family"] = ("family", c => c.Aid.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = "families/", ChildId = ChildId }).ResponseAsync),
        ["apply without guardian"] = ("guardian_name", c => c.Aid.ApplyAidCaseAsync(new ApplyAidCaseRequest { Name = CaseName, GuardianName = "  " }).ResponseAsync),
        ["approve with a fund of the wrong kind"] = ("fund", c => c.Aid.ApproveAidCaseAsync(new ApproveAidCaseRequest { Name = CaseName, Fund = FamilyName, Year = 2026 }).ResponseAsync),
        ["disburse for a malformed term"] = ("term", c => c.Aid.DisburseAidCaseAsync(new DisburseAidCaseRequest { Name = CaseName, Term = "2026-3", AmountFen = 100, PaymentReference = "P" }).ResponseAsync),
        ["disburse a negative amount"] = ("amount_fen", c => c.Aid.DisburseAidCaseAsync(new DisburseAidCaseRequest { Name = CaseName, Term = "2026-1", AmountFen = -5, PaymentReference = "P" }).ResponseAsync),
        ["disburse without payment reference"] = ("payment_reference", c => c.Aid.DisburseAidCaseAsync(new DisburseAidCaseRequest { Name = CaseName, Term = "2026-1", AmountFen = 100 }).ResponseAsync),
        ["renew without stage"] = ("stage", c => c.Aid.RenewAidCaseAsync(new RenewAidCaseRequest { Name = CaseName, Fund = FundName, Year = 2027 }).ResponseAsync),
        ["exit without reason"] = ("reason", c => c.Aid.ExitAidCaseAsync(new ExitAidCaseRequest { Name = CaseName }).ResponseAsync),
        ["staff member with a nested name"] = ("staff_member.name", c => c.Visits.RegisterStaffMemberAsync(new RegisterStaffMemberRequest { StaffMember = new StaffMember { Name = "staffMembers/a/b", DisplayName = "甲", RegionCode = "330106" } }).ResponseAsync),
        ["campaign ending before it starts"] = ("campaign.end_date", c => c.Visits.CreateCampaignAsync(new CreateCampaignRequest { RequestId = Guid.NewGuid().ToString(), Campaign = new Campaign { Kind = CampaignKind.DoubleNinth, DisplayName = "重阳", RegionCode = "330100", StartDate = "2026-10-20", EndDate = "2026-10-01" } }).ResponseAsync),
        ["campaign without kind"] = ("campaign.kind", c => c.Visits.CreateCampaignAsync(new CreateCampaignRequest { RequestId = Guid.NewGuid().ToString(), Campaign = new Campaign { DisplayName = "活动", RegionCode = "330100", StartDate = "2026-10-01", EndDate = "2026-10-20" } }).ResponseAsync),
        ["visit with a bad campaign"] = ("campaign", c => c.Visits.CreateVisitAsync(new CreateVisitRequest { RequestId = Guid.NewGuid().ToString(), Family = FamilyName, Campaign = "campaigns/x" }).ResponseAsync),
        ["schedule in the past"] = ("date", c => c.Visits.ScheduleVisitAsync(new ScheduleVisitRequest { Name = VisitName, Date = "2020-01-06", Slot = TimeSlot.Morning, StaffMembers = { "staffMembers/a" } }).ResponseAsync),
        ["schedule without slot"] = ("slot", c => c.Visits.ScheduleVisitAsync(new ScheduleVisitRequest { Name = VisitName, Date = Tomorrow, StaffMembers = { "staffMembers/a" } }).ResponseAsync),
        ["schedule without staff"] = ("staff_members", c => c.Visits.ScheduleVisitAsync(new ScheduleVisitRequest { Name = VisitName, Date = Tomorrow, Slot = TimeSlot.Morning }).ResponseAsync),
        ["schedule with a malformed staff name"] = ("staff_members[0]", c => c.Visits.ScheduleVisitAsync(new ScheduleVisitRequest { Name = VisitName, Date = Tomorrow, Slot = TimeSlot.Morning, StaffMembers = { "users/a" } }).ResponseAsync),
        ["outcome both visited and missed"] = ("visited", c => c.Visits.RecordVisitOutcomeAsync(new RecordVisitOutcomeRequest { Name = VisitName, Visited = new VisitOutcome(), MissedReason = "不在家" }).ResponseAsync),
        ["outcome with negative cash"] = ("visited.cash_fen", c => c.Visits.RecordVisitOutcomeAsync(new RecordVisitOutcomeRequest { Name = VisitName, Visited = new VisitOutcome { CashFen = -1 } }).ResponseAsync),
        ["outcome with a bad follow-up date"] = ("visited.follow_up_date", c => c.Visits.RecordVisitOutcomeAsync(new RecordVisitOutcomeRequest { Name = VisitName, Visited = new VisitOutcome { FollowUpDate = "next week" } }).ResponseAsync),
        ["week plan not on a Monday"] = ("week_start_date", c => c.Visits.ProposeWeekPlanAsync(new ProposeWeekPlanRequest { WeekStartDate = "2026-11-25", StaffMembers = { "staffMembers/a" } }).ResponseAsync),
        ["unavailability of someone outside the team"] = ("unavailable[0].staff_member", c => c.Visits.ProposeWeekPlanAsync(new ProposeWeekPlanRequest { WeekStartDate = "2026-11-30", StaffMembers = { "staffMembers/a" }, Unavailable = { new Unavailability { StaffMember = "staffMembers/b", Date = "2026-12-01" } } }).ResponseAsync),
        ["calendar for 400 days"] = ("days", c => c.Visits.ExportCalendarAsync(new ExportCalendarRequest { StaffMember = "staffMembers/a", Days = 400 }).ResponseAsync),
        ["accept without etag"] = ("etag", c => c.Visits.AcceptWeekPlanAsync(Accept(v => v.Etag = "")).ResponseAsync),
        ["accept a week not starting on a Monday"] = ("week_start_date", c => c.Visits.AcceptWeekPlanAsync(Accept(v => v.WeekStartDate = Tuesday)).ResponseAsync),
        ["accept a plan without visits"] = ("visits", c => c.Visits.AcceptWeekPlanAsync(Accept(v => v.Visits.Clear())).ResponseAsync),
        ["accept a visit outside the week"] = ("visits[0].date", c => c.Visits.AcceptWeekPlanAsync(Accept(v => v.Visits[0].Date = "2020-01-06")).ResponseAsync),
        ["accept a visit of a malformed family"] = ("visits[0].family", c => c.Visits.AcceptWeekPlanAsync(Accept(v => v.Visits[0].Family = "family/1")).ResponseAsync),
        ["accept a visit without slot"] = ("visits[0].slot", c => c.Visits.AcceptWeekPlanAsync(Accept(v => v.Visits[0].Slot = TimeSlot.Unspecified)).ResponseAsync),
        ["accept a visit without staff"] = ("visits[0].staff_members", c => c.Visits.AcceptWeekPlanAsync(Accept(v => v.Visits[0].StaffMembers.Clear())).ResponseAsync),
        ["accept the same visit twice"] = ("visits[1].visit", c => c.Visits.AcceptWeekPlanAsync(Accept(v => v.Visits.Add(v.Visits[0].Clone()))).ResponseAsync),
        ["list visits of a malformed staff member"] = ("staff_member", c => c.Visits.ListVisitsAsync(new ListVisitsRequest { StaffMember = "staff/1" }).ResponseAsync),
        ["list visits ending before they start"] = ("to_date", c => c.Visits.ListVisitsAsync(new ListVisitsRequest { FromDate = "2026-12-07", ToDate = "2026-12-01" }).ResponseAsync),
        ["list visits in an unknown state"] = ("status", c => c.Visits.ListVisitsAsync(new ListVisitsRequest { Status = (VisitStatus)42 }).ResponseAsync),
        ["list campaigns of an unknown kind"] = ("kind", c => c.Visits.ListCampaignsAsync(new ListCampaignsRequest { Kind = (CampaignKind)42 }).ResponseAsync),
        ["list staff of a region outside Zhejiang"] = ("region_code", c => c.Visits.ListStaffMembersAsync(new ListStaffMembersRequest { RegionCode = "310000" }).ResponseAsync),
        ["list funds 1000 at a time"] = ("page_size", c => c.Aid.ListAidFundsAsync(new ListAidFundsRequest { PageSize = 1000 }).ResponseAsync),
        ["list aid cases of a malformed fund"] = ("fund", c => c.Aid.ListAidCasesAsync(new ListAidCasesRequest { Fund = "funds/1" }).ResponseAsync),
        ["list visits with a forged page token"] = ("page_token", c => c.Visits.ListVisitsAsync(new ListVisitsRequest { PageToken = "bm90LWEta2V5" }).ResponseAsync),
        ["statistics of 1999"] = ("year", c => c.Families.GetFamilyCareStatisticsAsync(new GetFamilyCareStatisticsRequest { Year = 1999 }).ResponseAsync),
        ["due list for a bad date"] = ("as_of_date", c => c.Visits.ListDueItemsAsync(new ListDueItemsRequest { RegionCode = "330106", AsOfDate = "2026/11/23" }).ResponseAsync),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    /// <summary>A well-formed AcceptWeekPlan request with one edit that makes it bad.</summary>
    private static AcceptWeekPlanRequest Accept(Action<AcceptWeekPlanRequest> spoil)
    {
        var request = new AcceptWeekPlanRequest
        {
            WeekStartDate = Monday, StaffMembers = { "staffMembers/a" }, Etag = "etag",
            Visits = { new ProposedVisit { Family = FamilyName, Date = Monday, Slot = TimeSlot.Morning, StaffMembers = { "staffMembers/a" }, Visit = VisitName } },
        };
        spoil(request);
        return request;
    }

    private static DateOnly NextMonday()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(8));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    [Fact]
    public void Cases_AreAtLeastThirty() => Assert.True(Cases.Count >= 30, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Rpc_WithBadInput_IsInvalidArgumentNamingTheFieldAndWritesNothing(string label)
    {
        var (field, call) = Cases[label];
        var token = await fixture.ManagerTokenAsync(DonationRegistry.Common.RegionCodes.Province);
        var clients = new Clients(fixture.Client<Families.FamiliesClient>(token), fixture.Client<StudentAid.StudentAidClient>(token),
            fixture.Client<Visits.VisitsClient>(token));
        var before = await RowsAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => call(clients));

        Assert.Contains(field, RpcAssert.Violations(ex));
        Assert.Equal(before, await RowsAsync());
    }

    private Task<string> RowsAsync() => fixture.WithDbAsync(async db =>
        string.Join(",", await db.Audit.CountAsync(), await db.Families.CountAsync(), await db.AidCases.CountAsync(),
            await db.Funds.CountAsync(), await db.Budgets.CountAsync(), await db.Visits.CountAsync(), await db.Campaigns.CountAsync(),
            await db.Staff.CountAsync(), await db.Bookings.CountAsync()));
}
