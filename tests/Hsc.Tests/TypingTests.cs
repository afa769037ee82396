using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

[Collection(HscFixture.Collection)]
public sealed class TypingTests(HscFixture fixture)
{
    private readonly DonorSteps _steps = new(fixture);

    private const string Full =
        "HLA-A*01:01+HLA-A*02:01^HLA-B*08:01+HLA-B*44:02^HLA-C*07:01+HLA-C*05:01^HLA-DRB1*03:01+HLA-DRB1*04:01^HLA-DQB1*02:01+HLA-DQB1*03:02";

    [Fact]
    public async Task RecordTyping_WhenTheGlStringCoversABAndDrb1_MakesTheDonorAvailableWithTheReleaseRecorded()
    {
        var (name, _) = await _steps.SampledAsync();
        var client = await _steps.CoordinatorAsync();

        var donor = await client.RecordTypingAsync(new RecordTypingRequest
        {
            Name = name, GlString = Full, Method = TypingMethod.Sbt, LaboratoryRelease = "3.50.0",
        });

        Assert.Equal(DonorStatus.Available, donor.Status);
        Assert.True(donor.Searchable);
        Assert.Equal(Full, donor.Typing);
        Assert.Equal("3.58.0", donor.TypingRelease);
    }

    [Fact]
    public async Task RecordTyping_WhenOnlyALocusIsTyped_LeavesTheDonorTyped()
    {
        var (name, _) = await _steps.SampledAsync();
        var client = await _steps.CoordinatorAsync();

        var donor = await client.RecordTypingAsync(new RecordTypingRequest { Name = name, GlString = "HLA-A*01:01+HLA-A*02:01" });

        Assert.Equal(DonorStatus.Typed, donor.Status);
        Assert.False(donor.Searchable);
    }

    [Fact]
    public async Task RecordTyping_WhenTypedAgain_SupersedesAndKeepsTheHistory()
    {
        var (name, _) = await _steps.SampledAsync();
        var client = await _steps.CoordinatorAsync();
        await client.RecordTypingAsync(new RecordTypingRequest { Name = name, GlString = "A*01:XX+A*02:XX^B8+B44^DRB1*03:01+DRB1*04:01", Method = TypingMethod.Sso });
        await client.RecordTypingAsync(new RecordTypingRequest { Name = name, GlString = Full, Method = TypingMethod.Ngs });

        var history = await client.GetDonorTypingHistoryAsync(new GetDonorTypingHistoryRequest { Name = name, Purpose = "test" });

        Assert.Equal(2, history.Typings.Count);
        Assert.True(history.Typings[0].Current);
        Assert.Equal(Full, history.Typings[0].GlString);
        Assert.Equal(TypingResolution.High, history.Typings[0].Resolution);
        Assert.Null(history.Typings[0].SupersedeTime);
        Assert.False(history.Typings[1].Current);
        Assert.NotNull(history.Typings[1].SupersedeTime);
        Assert.Equal(TypingMethod.Sso, history.Typings[1].Method);
        Assert.Equal(TypingResolution.Serological, history.Typings[1].Resolution);
    }

    [Fact]
    public async Task UploadHml_WhenSamplesMatchDonors_RecordsEachSampleAsOneTyping()
    {
        var (first, firstSample) = await _steps.SampledAsync();
        var (second, secondSample) = await _steps.SampledAsync();
        var hml = DonorSteps.Hml(
            (firstSample, ["HLA-A*11:01:01+HLA-A*24:02:01", "HLA-B*13:01:01+HLA-B*40:01:02", "HLA-DRB1*12:02:01+HLA-DRB1*15:01:01"]),
            (secondSample, ["HLA-A*02:07:01+HLA-A*33:03:01", "HLA-B*46:01:01+HLA-B*58:01:01", "HLA-DRB1*09:01:02+HLA-DRB1*03:01:01"]));
        var client = await _steps.CoordinatorAsync();

        var response = await client.UploadHmlAsync(new UploadHmlRequest { Hml = ByteString.CopyFromUtf8(hml) });

        Assert.Equal([first, second], response.Donors.Select(d => d.Name));
        Assert.All(response.Donors, d => Assert.Equal(DonorStatus.Available, d.Status));
        var history = await client.GetDonorTypingHistoryAsync(new GetDonorTypingHistoryRequest { Name = second, Purpose = "test" });
        var typing = Assert.Single(history.Typings);
        Assert.Equal(TypingSource.Hml, typing.Source);
        Assert.Equal(TypingMethod.Ngs, typing.Method);
        Assert.Equal("3.58.0", typing.LaboratoryRelease);
        Assert.Contains("<hml", typing.OriginalText, StringComparison.Ordinal);
        Assert.StartsWith("HLA-A*02:07:01+HLA-A*33:03:01^", typing.GlString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportTypingsCsv_WhenRowsAreValid_RecordsOneTypingPerRow()
    {
        var (first, firstSample) = await _steps.SampledAsync();
        var (second, secondSample) = await _steps.SampledAsync();
        var csv = "sample_id,A_1,A_2,B_1,B_2,C_1,C_2,DRB1_1,DRB1_2,DQB1_1,DQB1_2,method\n" +
                  $"{firstSample},01:01,02:01,08:01,44:02,07:01,05:01,03:01,04:01,02:01,03:02,SBT\n" +
                  $"{secondSample},A*24:02,,B*46:01,B*13:01,,,DRB1*09:01,DRB1*12:02,,,SSO\n";
        var client = await _steps.CoordinatorAsync();

        var response = await client.ImportTypingsCsvAsync(new ImportTypingsCsvRequest { Csv = ByteString.CopyFromUtf8(csv) });

        Assert.Equal([first, second], response.Donors.Select(d => d.Name));
        Assert.Equal("A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:02", response.Donors[0].Typing);
        // An empty second cell is homozygous.
        Assert.StartsWith("A*24:02+A*24:02^", response.Donors[1].Typing, StringComparison.Ordinal);
        var history = await client.GetDonorTypingHistoryAsync(new GetDonorTypingHistoryRequest { Name = second, Purpose = "test" });
        Assert.Equal(TypingMethod.Sso, history.Typings[0].Method);
        Assert.Equal(TypingSource.Csv, history.Typings[0].Source);
    }

    [Fact]
    public async Task SubmitSearch_WhenADonorWasJustTyped_FindsItAtOnce()
    {
        const string typing = "A*66:01+A*74:01^B*81:01+B*82:01^DRB1*10:01+DRB1*16:02";
        var donor = await _steps.AvailableAsync(typing);
        var search = fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync());

        // The typing commit is applied to this replica's index before the rpc answers: the very next search sees it.
        var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-" + Guid.NewGuid().ToString("N")[..8],
            PatientTyping = typing,
            Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
        });
        var results = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name, PageSize = 500 });

        var match = Assert.Single(results.Matches, m => m.Donor == donor.Name);
        Assert.Equal(0, match.MismatchCount);
    }

    [Fact]
    public async Task ChangeFeed_WhenAnotherReplicaCommitsADonor_TheIndexPicksItUp()
    {
        const string typing = "A*36:01+A*80:01^B*78:01+B*83:01^DRB1*01:03+DRB1*14:04";
        var donor = await _steps.AvailableAsync(typing);
        var id = Guid.Parse(donor.Name["donors/".Length..]);
        var search = fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync());
        async Task<bool> FoundAsync()
        {
            var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
            {
                PatientReference = "P-feed", PatientTyping = typing, Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
            });
            var results = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name, PageSize = 500 });
            return results.Matches.Any(m => m.Donor == donor.Name);
        }
        Assert.True(await FoundAsync());

        // Another replica defers the donor: only the database changes here, this replica learns it from the change feed.
        await fixture.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE donors SET \"Status\" = 'TemporarilyDeferred', \"DeferredUntil\" = DATE '2099-01-01', \"UpdatedAt\" = now() WHERE \"Id\" = {id}"));

        Assert.True(await Eventually.HoldsAsync(async () => !await FoundAsync(), TimeSpan.FromSeconds(10)));
    }
}
