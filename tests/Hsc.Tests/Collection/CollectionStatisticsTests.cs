using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>Statistics per city and year match the cases a test creates (Wenzhou: no other test uses that city).</summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionStatisticsTests(CollectionFixture fixture)
{
    private readonly CollectionSteps _steps = new(fixture, Parties.Wenzhou);

    [Fact]
    public async Task GetCollectionStatistics_AfterDonationsOfEachKind_CountsThemPerCityAndYear()
    {
        // Donated: one plain, one international and independent, one second donation of lymphocytes; cancelled and unfinished
        // cases do not count.
        var plain = await _steps.AtAsync(CollectionCaseStatus.FollowUp);
        // The city's own follow-up schedule (the fixture configures Wenzhou's days), counted from the hand-over day.
        var handedOver = DateOnly.FromDateTime(plain.Handover.HandedOverAt.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Equal([3, 30, 365], plain.FollowUps.Select(f => f.Day));
        Assert.All(plain.FollowUps, f => Assert.Equal(CollectionSteps.Text(handedOver.AddDays(f.Day)), f.DueOn));
        var international = await _steps.AtAsync(CollectionCaseStatus.Archiving, international: true, independent: true);
        var (request, _, _) = await _steps.SelectedRequestAsync(donor: plain.Donor, search: await SearchOfAsync(plain));
        var second = await _steps.OpenAsync(request: request, secondOf: plain.Name, kind: SecondDonationKind.Lymphocytes);
        Assert.Equal(plain.Name, second.SecondOf);
        second = await _steps.CompleteStepAsync(second);
        second = await _steps.CompleteStepAsync(second);
        var city = await _steps.CityAsync();
        second = await city.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = second.Name, Plan = _steps.Plan(ProductKind.Lymphocytes) });
        second = await _steps.CompleteStepAsync(second);
        second = await _steps.CompleteStepAsync(second);
        Assert.Equal(CollectionCaseStatus.FollowUp, second.Status);
        var unfinished = await _steps.AtAsync(CollectionCaseStatus.CollectionPlan);
        await city.CancelCaseAsync(new CancelCaseRequest
        {
            Name = unfinished.Name, Reason = CancellationReason.PatientCondition, DecidedBy = DecidingParty.TransplantCentre,
        });
        await _steps.OpenAsync();

        var years = new[] { plain, international, second }.Select(c => c.Handover.HandedOverAt.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Year)
            .GroupBy(y => y).ToDictionary(g => g.Key, g => g.Count());
        var stats = await city.GetCollectionStatisticsAsync(new GetCollectionStatisticsRequest { CityRegion = "330300" });

        Assert.Equal(3, stats.Rows.Sum(r => r.Donations));
        Assert.Equal(1, stats.Rows.Sum(r => r.International));
        Assert.Equal(1, stats.Rows.Sum(r => r.Second));
        Assert.Equal(1, stats.Rows.Sum(r => r.Independent));
        Assert.All(stats.Rows, r => Assert.Equal("330300", r.CityRegion));
        Assert.Equal(years, stats.Rows.ToDictionary(r => r.Year, r => r.Donations));
        var year = years.Keys.Max();
        var oneYear = await city.GetCollectionStatisticsAsync(new GetCollectionStatisticsRequest { Year = year, CityRegion = "330300" });
        Assert.Equal(years[year], Assert.Single(oneYear.Rows).Donations);
    }

    [Fact]
    public async Task GetCollectionStatistics_ForAnotherCity_IsPermissionDeniedWhileTheProvinceAuditorSeesWhatTheCitySees()
    {
        var city = await _steps.CityAsync();
        var auditor = await _steps.AsAsync(Roles.Auditor, "RC-330000", "330000");

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            city.GetCollectionStatisticsAsync(new GetCollectionStatisticsRequest { CityRegion = "330200" }).ResponseAsync);
        var own = await city.GetCollectionStatisticsAsync(new GetCollectionStatisticsRequest());
        var audited = await auditor.GetCollectionStatisticsAsync(new GetCollectionStatisticsRequest { CityRegion = "330300" });

        Assert.Equal(own.Rows, audited.Rows);
    }

    /// <summary>The stored search the first request came from (a donated donor is no longer in new searches).</summary>
    private async Task<string> SearchOfAsync(CollectionCase first)
    {
        var requests = fixture.Client<DonorRequests.DonorRequestsClient>(await fixture.TokenAsync(Roles.HscCoordinator, "RC-330300", "330300"));
        var r = await requests.GetDonorRequestAsync(new GetDonorRequestRequest { Name = first.DonorRequest, Purpose = "test: second donation" });
        return r.Search;
    }
}
