using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// GetDonationStatistics against cases created in the test, in a year no other test uses (the clocked service set to 2019): cases by
/// outcome and closure reason, donations by kind, organs transplanted and discarded, by city — and inside the caller's region only.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class StatisticsTests(OrganFixture fixture)
{
    private static readonly DateTimeOffset In2019 = new(2019, 5, 6, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetDonationStatistics_ForTheCasesOfAYear_CountsThemByKindOutcomeAndReason()
    {
        var (donations, organ, _) = await ClockedSteps.AtAsync(fixture, In2019);
        var host = await fixture.ClockedOrganAsync();
        await organ.InStateAsync(OrganCaseState.Completed);
        var closed = await organ.ReferAsync();
        await (await organ.CoordinatorAsync()).CloseOrganCaseAsync(new CloseOrganCaseRequest
        {
            Name = closed.Name, Etag = closed.Etag, Reason = ClosureReason.NotProgressed, Note = "转院",
        });
        await organ.ReferAsync();
        await donations.BodyInStateAsync(BodyCaseState.Received);
        var rejected = await donations.CreateBodyAsync();
        await (await donations.BodyCoordinatorAsync()).RejectBodyCaseAsync(new RejectBodyCaseRequest
        {
            Name = rejected.Name, Etag = rejected.Etag, Reason = BodyRejectionReason.Unsuitable,
        });
        await donations.TissueInStateAsync(TissueKind.Cornea, TissueCaseState.Recovered);
        var missed = await donations.CreateTissueAsync(TissueKind.Cornea);
        await (await donations.TissueCoordinatorAsync()).DeclineTissueCaseAsync(new DeclineTissueCaseRequest
        {
            Name = missed.Name, Etag = missed.Etag, Reason = TissueDeclineReason.WindowMissed,
        });
        await donations.TissueInStateAsync(TissueKind.Brain, TissueCaseState.Used);

        var statistics = await fixture.Overview(await fixture.ProvincialOfficerTokenAsync(), host)
            .GetDonationStatisticsAsync(new GetDonationStatisticsRequest { Year = 2019 });

        Assert.All(statistics.Rows, r => Assert.Equal((2019, "330100"), (r.Year, r.RegionCode)));
        var organRow = statistics.Rows.Single(r => r.Donation == DonationKind.OrganDonation);
        Assert.Equal((3, 1, 1, 1), (organRow.Cases, organRow.Donations, organRow.Open, organRow.Closed));
        Assert.Equal(1, organRow.ClosedByReason["NotProgressed"]);
        Assert.Equal((1, 1), (organRow.OrgansTransplanted, organRow.OrgansDiscarded));
        var body = statistics.Rows.Single(r => r.Donation == DonationKind.BodyDonation);
        Assert.Equal((2, 1, 1), (body.Cases, body.Donations, body.Closed));
        Assert.Equal(1, body.ClosedByReason["Unsuitable"]);
        var cornea = statistics.Rows.Single(r => r.Donation == DonationKind.CorneaDonation);
        Assert.Equal((2, 1, 1), (cornea.Cases, cornea.Donations, cornea.ClosedByReason["WindowMissed"]));
        var brain = statistics.Rows.Single(r => r.Donation == DonationKind.BrainDonation);
        Assert.Equal((1, 1), (brain.Cases, brain.Donations));
        Assert.Equal([1, 1, 1, 1], statistics.Totals.OrderBy(t => t.Donation).Select(t => t.Donations));
    }

    [Fact]
    public async Task GetDonationStatistics_ForAnotherCitysAuditor_ShowsNothingOfHangzhou()
    {
        var (_, organ, _) = await ClockedSteps.AtAsync(fixture, In2019.AddYears(-1));
        var host = await fixture.ClockedOrganAsync();
        await organ.ReferAsync();

        var statistics = await fixture.Overview(await fixture.TokenForRoleAsync(Common.Roles.Auditor, "AUDIT-330200", "330200", "city"), host)
            .GetDonationStatisticsAsync(new GetDonationStatisticsRequest());

        Assert.DoesNotContain(statistics.Rows, r => r.RegionCode == "330100");
    }

    [Fact]
    public async Task GetDonationStatistics_ForARegionOutsideTheCallersCity_IsPermissionDenied()
    {
        var host = await fixture.ClockedOrganAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await fixture.Overview(await fixture.OfficerTokenAsync("330200"), host)
            .GetDonationStatisticsAsync(new GetDonationStatisticsRequest { RegionCode = "330100" }));
    }
}
