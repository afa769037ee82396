extern alias hsc;

using System.Net;
using System.Text.Json;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

/// <summary>The pool sweep (every second here, hourly by default) and the JSON face of the API.</summary>
[Collection(HscFixture.Collection)]
public sealed class SweepTests(HscFixture fixture)
{
    private readonly DonorSteps _steps = new(fixture);

    [Fact]
    public async Task Sweep_WhenADonorIsPastTheAgeLimit_AgesThemOutAndAuditsIt()
    {
        // Born 1950: past the default limit of 60 for years; the service's own clock decides.
        var id = await fixture.EnrolAsync(birthYear: 1950);

        Assert.True(await Eventually.HoldsAsync(() => fixture.WithDbAsync(db =>
            db.Donors.AnyAsync(d => d.Id == id && d.Status == hsc::DonationRegistry.Hsc.Domain.Donors.DonorStatus.AgedOut))));
        Assert.True(await fixture.WithDbAsync(db => db.Audit.AnyAsync(a => a.SubjectId == id && a.Operation == "AgeOut")));
    }

    [Fact]
    public async Task Sweep_WhenATemporaryDeferralHasEnded_ReturnsTheDonorToThePool()
    {
        const string typing = "A*03:01+A*32:01^B*18:01+B*49:01^DRB1*11:01+DRB1*13:01";
        var donor = await _steps.AvailableAsync(typing);
        var client = await _steps.CoordinatorAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await client.DeferDonorAsync(new DeferDonorRequest { Name = donor.Name, Until = today.AddDays(1).ToString("yyyy-MM-dd"), Reason = "travel" });
        var id = Guid.Parse(donor.Name["donors/".Length..]);

        // The deferral's last day passes (moved back in the database: the clock itself is the system's).
        await fixture.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE donors SET \"DeferredUntil\" = {today.AddDays(-1)} WHERE \"Id\" = {id}"));

        Assert.True(await Eventually.HoldsAsync(async () =>
            (await client.GetDonorAsync(new GetDonorRequest { Name = donor.Name, Purpose = "test" })).Status == DonorStatus.Available));
        var search = fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync());
        var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-sweep", PatientTyping = typing, Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
        });
        var results = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name, PageSize = 500 });
        Assert.Contains(results.Matches, m => m.Donor == donor.Name);
    }

    [Fact]
    public async Task GetDonor_WhenCalledAsJsonOverHttp_AnswersTheDonor()
    {
        var id = await fixture.EnrolAsync();
        using var http = fixture.Host.Http(await fixture.CoordinatorTokenAsync());

        var response = await http.GetAsync(new Uri($"/v1/donors/{id}?purpose=json%20check", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"donors/{id}", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("ENROLLED", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RecordTyping_WhenCalledAsJsonWithABadToken_AnswersBadRequestNamingIt()
    {
        var (name, _) = await _steps.SampledAsync();
        using var http = fixture.Host.Http(await fixture.CoordinatorTokenAsync());

        var response = await http.PostAsync(new Uri($"/v1/{name}:recordTyping", UriKind.Relative),
            new StringContent("""{"glString":"A*99:99+A*01:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A*99:99", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
