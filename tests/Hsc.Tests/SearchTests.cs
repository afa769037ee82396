using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

[Collection(HscFixture.Collection)]
public sealed class SearchTests(HscFixture fixture)
{
    private readonly DonorSteps _steps = new(fixture);

    private async Task<Search.SearchClient> SearchClientAsync() => fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync());

    [Fact]
    public async Task GetSearchResults_WhenPaged_ReturnsEveryRankedDonorOnceAndStaysStableAfterThePoolChanges()
    {
        const string typing = "A*29:02+A*31:01^B*35:03+B*39:01^DRB1*11:04+DRB1*13:02";
        var donors = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            donors.Add((await _steps.AvailableAsync(typing, birthYear: 1990 + i)).Name);
        }
        var search = await SearchClientAsync();
        var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-paging", PatientTyping = typing, Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
        });
        Assert.Equal(5, summary.TotalCount);
        Assert.Equal("3.58.0", summary.Release);

        var seen = new List<DonorMatch>();
        var token = "";
        do
        {
            var page = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name, PageSize = 2, PageToken = token });
            Assert.True(page.Matches.Count <= 2);
            seen.AddRange(page.Matches);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(donors.Order(), seen.Select(m => m.Donor).Order());
        Assert.Equal([1, 2, 3, 4, 5], seen.Select(m => m.Rank));
        // Same mismatches everywhere, so the younger donor ranks first.
        Assert.Equal(seen.Select(m => m.BirthYear).OrderDescending(), seen.Select(m => m.BirthYear));
        Assert.All(seen, m => Assert.Equal(["A", "B", "C", "DRB1", "DQB1", "DPB1"], m.Loci.Select(l => l.Locus)));
        Assert.All(seen, m => Assert.Equal(2, m.Loci.Single(l => l.Locus == "DRB1").MatchCount));

        // A withdrawal afterwards changes new searches, not the stored one.
        var coordinator = await _steps.CoordinatorAsync();
        await coordinator.WithdrawDonorAsync(new WithdrawDonorRequest { Name = donors[0], Reason = "moved abroad" });
        var again = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name, PageSize = 10 });
        Assert.Equal(5, again.Matches.Count);
        var fresh = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-paging", PatientTyping = typing, Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
        });
        Assert.Equal(4, fresh.TotalCount);

        var history = await search.ListSearchesAsync(new ListSearchesRequest { PatientReference = "P-paging", PageSize = 1 });
        Assert.Equal(fresh.Name, Assert.Single(history.Searches).Name);
        var older = await search.ListSearchesAsync(new ListSearchesRequest
        {
            PatientReference = "P-paging", PageSize = 1, PageToken = history.NextPageToken,
        });
        Assert.Equal(summary.Name, Assert.Single(older.Searches).Name);
        Assert.Equal("", older.NextPageToken);
    }

    [Fact]
    public async Task SubmitSearch_WhenFilteredBySexAgeAndAbo_ReturnsOnlyDonorsThatPass()
    {
        const string typing = "A*03:02+A*26:03^B*14:02+B*15:10^DRB1*08:03+DRB1*15:02";
        var youngFemaleA = await _steps.AvailableAsync(typing, birthYear: 2000, sex: "Female", abo: AboGroup.AboA);
        await _steps.AvailableAsync(typing, birthYear: 2000, sex: "Male", abo: AboGroup.AboA);
        await _steps.AvailableAsync(typing, birthYear: 1970, sex: "Female", abo: AboGroup.AboA);
        await _steps.AvailableAsync(typing, birthYear: 2000, sex: "Female", abo: AboGroup.AboO);
        var search = await SearchClientAsync();

        var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-filter",
            PatientTyping = typing,
            Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
            Filter = new DonorFilter { Sex = Sex.Female, MaxAge = 40, Abo = { AboGroup.AboA } },
        });
        var results = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name });

        Assert.Equal(youngFemaleA.Name, Assert.Single(results.Matches).Donor);
        Assert.Equal(AboGroup.AboA, results.Matches[0].Abo);
        Assert.Equal(Sex.Female, summary.Filter.Sex);
    }

    [Fact]
    public async Task SubmitSearch_WhenOneMismatchIsAllowed_ReturnsTheMismatchedDonorWithTheLocusShown()
    {
        const string patient = "A*68:02+A*30:04^B*53:01+B*42:01^DRB1*03:02+DRB1*08:04";
        const string donorTyping = "A*68:02+A*30:04^B*53:01+B*42:02^DRB1*03:02+DRB1*08:04";
        var donor = await _steps.AvailableAsync(donorTyping);
        var search = await SearchClientAsync();

        var strict = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-mm", PatientTyping = patient, Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
        });
        var loose = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-mm", PatientTyping = patient, Criteria = new SearchCriteria { TotalMismatches = 1 },
        });
        var results = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = loose.Name, PageSize = 500 });

        var strictResults = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = strict.Name, PageSize = 500 });
        Assert.DoesNotContain(strictResults.Matches, m => m.Donor == donor.Name);
        var match = Assert.Single(results.Matches, m => m.Donor == donor.Name);
        Assert.Equal(1, match.MismatchCount);
        var b = match.Loci.Single(l => l.Locus == "B");
        Assert.Equal(1, b.MatchCount);
        Assert.Contains(MatchGrade.GradeMismatch, b.Grades);
    }

    [Theory]
    [InlineData("A*01:01:01:01", ReductionTarget.G, "A*01:01:01G")]
    [InlineData("A*01:01:01:01", ReductionTarget.P, "A*01:01P")]
    [InlineData("A*01:01:01:01", ReductionTarget.Lgx, "A*01:01")]
    [InlineData("B*08:01:01", ReductionTarget.SerologyAntigen, "B8")]
    public async Task ReduceTyping_WhenAskedForATarget_ReducesAndShowsTheInterpretation(string typing, ReductionTarget target, string expected)
    {
        var search = await SearchClientAsync();

        var response = await search.ReduceTypingAsync(new ReduceTypingRequest { Typing = typing, Target = target });

        Assert.Contains(expected, response.Result, StringComparison.Ordinal);
        Assert.Equal("Allele", response.Form);
        Assert.True(response.CandidateAlleleCount >= 1);
        Assert.NotEmpty(response.PGroups);
        Assert.Equal("3.58.0", response.Release);
    }

    [Fact]
    public async Task ReduceTyping_WhenTheTypingIsAnXxCode_CountsEveryCandidate()
    {
        var search = await SearchClientAsync();

        var response = await search.ReduceTypingAsync(new ReduceTypingRequest { Typing = "A*01:XX", Target = ReductionTarget.P });

        Assert.Equal("XxCode", response.Form);
        Assert.True(response.CandidateAlleleCount > 100, $"{response.CandidateAlleleCount} candidates");
        Assert.Contains("A*01:01P", response.PGroups);
    }

    [Fact]
    public async Task ReduceTyping_WhenTheTypingIsAMultipleAlleleCode_ExpandsItWithTheConfiguredTable()
    {
        var search = await SearchClientAsync();

        // The fixture table (Hla:MacFile) says AB = 01/02: A*01:AB is A*01:01 or A*01:02.
        var response = await search.ReduceTypingAsync(new ReduceTypingRequest { Typing = "A*01:AB", Target = ReductionTarget.P });

        Assert.Equal("MultipleAlleleCode", response.Form);
        Assert.Contains("A*01:01P", response.PGroups);
        Assert.Contains("A*01:02P", response.PGroups);
        Assert.DoesNotContain("A*01:03P", response.PGroups);
    }

    [Theory]
    [InlineData("A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", "A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", 0, 2)]
    [InlineData("A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", "A*02:01+A*01:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", 0, 2)]
    [InlineData("A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", "A*01:01+A*03:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", 1, 1)]
    [InlineData("A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", "A*11:01+A*03:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", 2, 0)]
    public async Task ExplainMatch_WhenScoringOnePair_CountsLocusAMatchesInTheBetterOrientation(string patient, string donor, int mismatches,
        int aMatches)
    {
        var search = await SearchClientAsync();

        var response = await search.ExplainMatchAsync(new ExplainMatchRequest { PatientTyping = patient, DonorTyping = donor });

        Assert.Equal(mismatches, response.MismatchCount);
        Assert.Equal(aMatches, response.Loci.Single(l => l.Locus == "A").MatchCount);
        Assert.Equal(2, response.Loci.Single(l => l.Locus == "B").MatchCount);
        Assert.Equal("3.58.0", response.Release);
    }

    [Fact]
    public async Task ReloadHlaRelease_WhenAnotherReleaseIsLoaded_SwapsItInRecordsItOnTypingsAndKeepsServing()
    {
        const string typing = "A*01:01+A*02:01^B*07:02+B*08:01^DRB1*15:01+DRB1*03:01";
        var donor = await _steps.AvailableAsync(typing);
        var admin = fixture.Client<Search.SearchClient>(await fixture.AdministratorTokenAsync());
        var before = await admin.GetHlaReleaseAsync(new GetHlaReleaseRequest());
        Assert.Equal("3.58.0", before.Version);
        Assert.Contains("3.44.0", before.LoadableVersions);

        try
        {
            await admin.ReloadHlaReleaseAsync(new ReloadHlaReleaseRequest { Version = "3.44.0" });
            Assert.True(await Eventually.HoldsAsync(async () =>
                (await admin.GetHlaReleaseAsync(new GetHlaReleaseRequest())) is { Version: "3.44.0", ReloadState: "idle" }, TimeSpan.FromSeconds(120)));

            var coordinator = await _steps.CoordinatorAsync();
            var history = await coordinator.GetDonorTypingHistoryAsync(new GetDonorTypingHistoryRequest { Name = donor.Name, Purpose = "test" });
            Assert.Equal("3.44.0", history.Typings[0].Release);
            var search = await SearchClientAsync();
            var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
            {
                PatientReference = "P-reload", PatientTyping = typing, Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
            });
            Assert.Equal("3.44.0", summary.Release);
            var results = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name, PageSize = 500 });
            Assert.Contains(results.Matches, m => m.Donor == donor.Name);
        }
        finally
        {
            await admin.ReloadHlaReleaseAsync(new ReloadHlaReleaseRequest { Version = "3.58.0" });
            Assert.True(await Eventually.HoldsAsync(async () =>
                (await admin.GetHlaReleaseAsync(new GetHlaReleaseRequest())) is { Version: "3.58.0", ReloadState: "idle" }, TimeSpan.FromSeconds(120)));
        }
    }

    [Fact]
    public async Task ReloadHlaRelease_WhenTheVersionIsNotBesideTheConfiguredOne_IsInvalid()
    {
        var admin = fixture.Client<Search.SearchClient>(await fixture.AdministratorTokenAsync());

        await RpcAssert.InvalidAsync("version", "../etc", async () =>
            await admin.ReloadHlaReleaseAsync(new ReloadHlaReleaseRequest { Version = "../etc" }));
    }

    [Fact]
    public async Task GetSearchResults_WhenTheSearchDoesNotExist_IsNotFound()
    {
        var search = await SearchClientAsync();

        await RpcAssert.FailsAsync(StatusCode.NotFound, async () =>
            await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = $"searches/{Guid.NewGuid()}" }));
    }
}
