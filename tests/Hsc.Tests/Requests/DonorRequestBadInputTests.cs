using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Requests;

/// <summary>
/// Bad input to every DonorRequests rpc: INVALID_ARGUMENT with a field violation naming the field (and the offending token where
/// there is one), and nothing written — no request, attempt, typing or outbox row, and the request unchanged.
/// </summary>
[Collection(HscFixture.Collection)]
public sealed class DonorRequestBadInputTests(HscFixture fixture)
{
    private readonly RequestSteps _steps = new(fixture);

    /// <summary>The requests the cases act on, made once per fixture (a bad call changes nothing, which each case checks).</summary>
    private sealed record Subjects(Donor Donor, SearchSummary Search, DonorRequest Open, DonorRequest Willing, DonorRequest Received,
        string ReceivedSampleId, Donor Stranger);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<Subjects>> Made = new();

    private const string TenLoci = RequestSteps.Patient;
    private static readonly string Long = new('x', 201);

    private static readonly Dictionary<string, (string Field, string? Token, Func<DonorRequests.DonorRequestsClient, Subjects, Task> Call)> Cases = new()
    {
        ["open: search empty"] = ("search", null, (c, s) => Open(c, s, r => r.Search = "")),
        ["open: search not a uuid"] = ("search", null, (c, s) => Open(c, s, r => r.Search = "searches/abc")),
        ["open: search names a donor"] = ("search", null, (c, s) => Open(c, s, r => r.Search = s.Donor.Name)),
        ["open: donor empty"] = ("donor", null, (c, s) => Open(c, s, r => r.Donor = "")),
        ["open: donor malformed"] = ("donor", null, (c, s) => Open(c, s, r => r.Donor = "donors/1")),
        ["open: donor not in the results"] = ("donor", null, (c, s) => Open(c, s, r => r.Donor = s.Stranger.Name)),
        ["open: centre empty"] = ("transplant_centre", null, (c, s) => Open(c, s, r => r.TransplantCentre = " ")),
        ["open: centre too long"] = ("transplant_centre", null, (c, s) => Open(c, s, r => r.TransplantCentre = Long)),
        ["open: city short"] = ("city_region", "3302", (c, s) => Open(c, s, r => r.CityRegion = "3302")),
        ["open: city is the province"] = ("city_region", "330000", (c, s) => Open(c, s, r => r.CityRegion = "330000")),
        ["open: city is a county"] = ("city_region", "330203", (c, s) => Open(c, s, r => r.CityRegion = "330203")),
        ["open: city outside Zhejiang"] = ("city_region", "320100", (c, s) => Open(c, s, r => r.CityRegion = "320100")),
        ["open: request id not a uuid"] = ("request_id", "abc", (c, s) => Open(c, s, r => r.RequestId = "abc")),
        ["get: name empty"] = ("name", null, (c, s) => c.GetDonorRequestAsync(new GetDonorRequestRequest { Name = "", Purpose = "t" }).ResponseAsync),
        ["get: name malformed"] = ("name", "donorRequests/xyz", (c, s) => c.GetDonorRequestAsync(new GetDonorRequestRequest { Name = "donorRequests/xyz", Purpose = "t" }).ResponseAsync),
        ["get: purpose empty"] = ("purpose", null, (c, s) => c.GetDonorRequestAsync(new GetDonorRequestRequest { Name = s.Open.Name }).ResponseAsync),
        ["get: purpose too long"] = ("purpose", null, (c, s) => c.GetDonorRequestAsync(new GetDonorRequestRequest { Name = s.Open.Name, Purpose = Long }).ResponseAsync),
        ["list: purpose empty"] = ("purpose", null, (c, s) => c.ListDonorRequestsAsync(new ListDonorRequestsRequest()).ResponseAsync),
        ["list: city malformed"] = ("city_region", "33020X", (c, s) => c.ListDonorRequestsAsync(new ListDonorRequestsRequest { Purpose = "t", CityRegion = "33020X" }).ResponseAsync),
        ["list: page token foreign"] = ("page_token", null, (c, s) => c.ListDonorRequestsAsync(new ListDonorRequestsRequest { Purpose = "t", PageToken = "bm90LW91cnM" }).ResponseAsync),
        ["list: donor malformed"] = ("donor", null, (c, s) => c.ListDonorRequestsAsync(new ListDonorRequestsRequest { Purpose = "t", Donor = "x" }).ResponseAsync),
        ["list: search malformed"] = ("search", null, (c, s) => c.ListDonorRequestsAsync(new ListDonorRequestsRequest { Purpose = "t", Search = "x" }).ResponseAsync),
        ["list: status unknown"] = ("status", null, (c, s) => c.ListDonorRequestsAsync(new ListDonorRequestsRequest { Purpose = "t", Status = (DonorRequestStatus)99 }).ResponseAsync),
        ["attempt: channel missing"] = ("channel", null, (c, s) => Attempt(c, s, a => a.Channel = ContactChannel.Unspecified)),
        ["attempt: channel unknown"] = ("channel", null, (c, s) => Attempt(c, s, a => a.Channel = (ContactChannel)99)),
        ["attempt: outcome missing"] = ("outcome", null, (c, s) => Attempt(c, s, a => a.Outcome = ReContactOutcome.Unspecified)),
        ["attempt: outcome unknown"] = ("outcome", null, (c, s) => Attempt(c, s, a => a.Outcome = (ReContactOutcome)42)),
        ["attempt: in the future"] = ("attempt_time", null, (c, s) => Attempt(c, s, a => a.AttemptTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)))),
        ["attempt: before the request"] = ("attempt_time", null, (c, s) => Attempt(c, s, a => a.AttemptTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)))),
        ["attempt: name malformed"] = ("name", null, (c, s) => Attempt(c, s, a => a.Name = "donors/x")),
        ["sample: stage missing"] = ("stage", null, (c, s) => Sample(c, s, ConfirmatorySampleStage.Unspecified, "")),
        ["sample: received without id"] = ("sample_id", null, (c, s) => Sample(c, s, ConfirmatorySampleStage.ConfirmatorySampleReceived, "")),
        ["sample: received with a bad id"] = ("sample_id", "bad id!", (c, s) => Sample(c, s, ConfirmatorySampleStage.ConfirmatorySampleReceived, "bad id!")),
        ["sample: requested with an id"] = ("sample_id", null, (c, s) => Sample(c, s, ConfirmatorySampleStage.ConfirmatorySampleRequested, "CT-1")),
        ["typing: none given"] = ("gl_string", null, (c, s) => Typing(c, s, t => { })),
        ["typing: unknown allele"] = ("gl_string", "A*99:99", (c, s) => Typing(c, s, t => t.GlString = TenLoci.Replace("HLA-A*01:01", "HLA-A*99:99", StringComparison.Ordinal))),
        ["typing: DQB1 missing"] = ("gl_string", "DQB1", (c, s) => Typing(c, s, t => t.GlString = string.Join('^', RequestSteps.Loci(TenLoci).Take(4)))),
        ["typing: low resolution"] = ("gl_string", "A*01:XX", (c, s) => Typing(c, s, t => t.GlString = TenLoci.Replace("HLA-A*01:01", "HLA-A*01:XX", StringComparison.Ordinal))),
        ["typing: release too long"] = ("laboratory_release", null, (c, s) => Typing(c, s, t => { t.GlString = TenLoci; t.LaboratoryRelease = new string('9', 17); })),
        ["typing: method unknown"] = ("method", null, (c, s) => Typing(c, s, t => { t.GlString = TenLoci; t.Method = (TypingMethod)77; })),
        ["typing: hml not xml"] = ("hml", null, (c, s) => Typing(c, s, t => t.Hml = ByteString.CopyFromUtf8("not xml"))),
        ["typing: hml two samples"] = ("hml.samples", null, (c, s) => Typing(c, s, t => t.Hml = ByteString.CopyFromUtf8(
            DonorSteps.Hml((s.ReceivedSampleId, RequestSteps.Loci(TenLoci)), ("OTHER-1", RequestSteps.Loci(TenLoci)))))),
        ["typing: hml another sample"] = ("hml.samples[0]", "NOT-THIS-ONE", (c, s) => Typing(c, s, t => t.Hml = ByteString.CopyFromUtf8(
            DonorSteps.Hml(("NOT-THIS-ONE", RequestSteps.Loci(TenLoci)))))),
        ["typing: hml unknown allele"] = ("hml.samples[0]", "B*99:99", (c, s) => Typing(c, s, t => t.Hml = ByteString.CopyFromUtf8(
            DonorSteps.Hml((s.ReceivedSampleId, RequestSteps.Loci(TenLoci.Replace("HLA-B*08:01", "HLA-B*99:99", StringComparison.Ordinal))))))),
        ["select: selection missing"] = ("selection", null, (c, s) => c.SelectDonorAsync(new SelectDonorRequest { Name = s.Open.Name }).ResponseAsync),
        ["select: selection unknown"] = ("selection", null, (c, s) => c.SelectDonorAsync(new SelectDonorRequest { Name = s.Open.Name, Selection = (DonorSelection)9 }).ResponseAsync),
        ["cancel: reason empty"] = ("reason", null, (c, s) => c.CancelDonorRequestAsync(new CancelDonorRequestRequest { Name = s.Open.Name, Reason = "  " }).ResponseAsync),
        ["cancel: reason too long"] = ("reason", null, (c, s) => c.CancelDonorRequestAsync(new CancelDonorRequestRequest { Name = s.Open.Name, Reason = Long }).ResponseAsync),
        ["cancel: name malformed"] = ("name", null, (c, s) => c.CancelDonorRequestAsync(new CancelDonorRequestRequest { Name = "", Reason = "x" }).ResponseAsync),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Call_WhenAnInputIsBad_IsInvalidArgumentNamingTheFieldAndWritesNothing(string name)
    {
        var (field, token, call) = Cases[name];
        var subjects = await Made.GetOrAdd(fixture.Identity.Authority, _ => MakeAsync());
        var client = await _steps.CoordinatorAsync();
        var before = await SnapshotAsync(subjects);

        await RpcAssert.InvalidAsync(field, token, () => call(client, subjects));

        Assert.Equal(before, await SnapshotAsync(subjects));
    }

    [Fact]
    public void Cases_WhenCounted_AreAtLeastThirty()
    {
        Assert.True(Cases.Count >= 30, $"{Cases.Count} cases");
    }

    private async Task<Subjects> MakeAsync()
    {
        var donor = await _steps.DonorAsync();
        var stranger = await _steps.DonorAsync("A*03:01+A*11:01^B*07:02+B*35:01^DRB1*15:01+DRB1*11:01");
        var search = await _steps.SearchAsync();
        var open = await _steps.OpenAsync(donor, search);
        var willing = await _steps.WillingAsync(await _steps.DonorAsync());
        var sampleId = RequestSteps.NewSampleId();
        var received = await _steps.SampleReceivedAsync(await _steps.DonorAsync(), sampleId);
        return new Subjects(donor, search, open, willing, received, sampleId, stranger);
    }

    /// <summary>Row counts and the three requests' versions.</summary>
    private Task<string> SnapshotAsync(Subjects s) => fixture.WithDbAsync(async db =>
    {
        var counts = await fixture.ScalarAsync($"SELECT (SELECT count(*) FROM donor_requests) * 1000000 + (SELECT count(*) FROM donor_request_attempts) * 1000 + (SELECT count(*) FROM typings) AS \"Value\"");
        var outbox = await fixture.ScalarAsync($"SELECT count(*) AS \"Value\" FROM outbox_messages");
        var client = await _steps.CoordinatorAsync();
        var etags = new List<string>();
        foreach (var name in new[] { s.Open.Name, s.Willing.Name, s.Received.Name })
        {
            etags.Add((await client.GetDonorRequestAsync(new GetDonorRequestRequest { Name = name, Purpose = "test: snapshot" })).Etag);
        }
        return $"{counts}/{outbox}/{string.Join(',', etags)}";
    });

    private static Task<DonorRequest> Open(DonorRequests.DonorRequestsClient c, Subjects s, Action<OpenDonorRequestRequest> change)
    {
        var request = new OpenDonorRequestRequest { Search = s.Search.Name, Donor = s.Donor.Name, TransplantCentre = "中心" };
        change(request);
        return c.OpenDonorRequestAsync(request).ResponseAsync;
    }

    private static Task<DonorRequest> Attempt(DonorRequests.DonorRequestsClient c, Subjects s, Action<RecordReContactAttemptRequest> change)
    {
        var request = new RecordReContactAttemptRequest
        {
            Name = s.Open.Name, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorUnreachable,
        };
        change(request);
        return c.RecordReContactAttemptAsync(request).ResponseAsync;
    }

    private static Task<DonorRequest> Sample(DonorRequests.DonorRequestsClient c, Subjects s, ConfirmatorySampleStage stage, string sampleId) =>
        c.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest { Name = s.Willing.Name, Stage = stage, SampleId = sampleId }).ResponseAsync;

    private static Task<DonorRequest> Typing(DonorRequests.DonorRequestsClient c, Subjects s, Action<RecordConfirmatoryTypingRequest> change)
    {
        var request = new RecordConfirmatoryTypingRequest { Name = s.Received.Name };
        change(request);
        return c.RecordConfirmatoryTypingAsync(request).ResponseAsync;
    }
}
