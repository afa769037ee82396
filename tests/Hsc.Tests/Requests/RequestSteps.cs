using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;

namespace DonationRegistry.Hsc.Tests.Requests;

/// <summary>
/// Donor requests through the API: the Ningbo coordinator (330200) searches the pool for a patient and requests Hangzhou donors
/// (county 330106), whose local officer (330106) re-contacts them.
/// </summary>
public sealed class RequestSteps(HscFixture fixture)
{
    public const string City = "330200";
    public const string DonorCounty = "330106";

    /// <summary>The patient's typing at the ten loci (and a donor identical to it: 10/10).</summary>
    public const string Patient =
        "HLA-A*01:01+HLA-A*24:02^HLA-B*08:01+HLA-B*57:01^HLA-C*06:02+HLA-C*07:01^HLA-DRB1*03:01+HLA-DRB1*07:01^HLA-DQB1*02:01+HLA-DQB1*03:03";

    /// <summary>Three mismatches (A, B, DRB1): 7/10.</summary>
    public const string SevenOfTen =
        "HLA-A*01:01+HLA-A*02:01^HLA-B*08:01+HLA-B*07:02^HLA-C*06:02+HLA-C*07:01^HLA-DRB1*03:01+HLA-DRB1*04:01^HLA-DQB1*02:01+HLA-DQB1*03:03";

    /// <summary>The patient's loci one by one, for HML documents.</summary>
    public static string[] Loci(string glString) => glString.Split('^');

    private readonly DonorSteps _donors = new(fixture);

    public DonorSteps Donors => _donors;

    public async Task<DonorRequests.DonorRequestsClient> CoordinatorAsync(string city = City) =>
        fixture.Client<DonorRequests.DonorRequestsClient>(await fixture.CoordinatorTokenAsync(city));

    public async Task<DonorRequests.DonorRequestsClient> LocalOfficerAsync(string county = DonorCounty) =>
        fixture.Client<DonorRequests.DonorRequestsClient>(await LocalOfficerTokenAsync(county));

    public Task<string> LocalOfficerTokenAsync(string county = DonorCounty) =>
        Tokens.GetOrAdd($"{fixture.Identity.Authority}|local|{county}",
            _ => fixture.TokenForRoleAsync(Roles.LocalRedCrossOfficer, "RC-" + county, county, "county"));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> Tokens = new();

    /// <summary>An Available donor of 330106 typed with <paramref name="typing"/>.</summary>
    public Task<Donor> DonorAsync(string typing = Patient) => _donors.AvailableAsync(typing, DonorCounty);

    /// <summary>A stored search for a new patient reference that returns donors with up to 3 mismatches at the ten loci.</summary>
    public async Task<SearchSummary> SearchAsync(string patientReference = "")
    {
        var search = fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync(City));
        return await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = patientReference.Length > 0 ? patientReference : "TC-" + Guid.NewGuid().ToString("N")[..10],
            PatientTyping = Patient,
            Criteria = new SearchCriteria { TotalMismatches = 3, IncludeC = true, IncludeDqb1 = true },
        });
    }

    public async Task<DonorRequest> OpenAsync(Donor donor, SearchSummary? search = null)
    {
        search ??= await SearchAsync();
        var client = await CoordinatorAsync();
        return await client.OpenDonorRequestAsync(new OpenDonorRequestRequest
        {
            Search = search.Name, Donor = donor.Name, TransplantCentre = "浙江大学医学院附属第一医院",
        });
    }

    /// <summary>A request re-contacted (willing) by the local officer.</summary>
    public async Task<DonorRequest> WillingAsync(Donor donor, SearchSummary? search = null)
    {
        var request = await OpenAsync(donor, search);
        var local = await LocalOfficerAsync();
        return await local.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
        {
            Name = request.Name, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorWilling,
        });
    }

    /// <summary>A request whose confirmatory sample <paramref name="sampleId"/> reached the laboratory.</summary>
    public async Task<DonorRequest> SampleReceivedAsync(Donor donor, string sampleId, SearchSummary? search = null)
    {
        var request = await WillingAsync(donor, search);
        var client = await CoordinatorAsync();
        await client.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
        {
            Name = request.Name, Stage = ConfirmatorySampleStage.ConfirmatorySampleRequested,
        });
        return await client.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
        {
            Name = request.Name, Stage = ConfirmatorySampleStage.ConfirmatorySampleReceived, SampleId = sampleId,
        });
    }

    /// <summary>A request that passed confirmatory typing (10/10 by GL String).</summary>
    public async Task<DonorRequest> PassedAsync(Donor donor, SearchSummary? search = null)
    {
        var request = await SampleReceivedAsync(donor, NewSampleId(), search);
        var client = await CoordinatorAsync();
        return await client.RecordConfirmatoryTypingAsync(new RecordConfirmatoryTypingRequest
        {
            Name = request.Name, GlString = Patient, Method = TypingMethod.Ngs,
        });
    }

    public static string NewSampleId() => "CT-" + Guid.NewGuid().ToString("N")[..12];

    public async Task<Donor> DonorNowAsync(Donor donor)
    {
        var pool = await _donors.CoordinatorAsync("330100");
        return await pool.GetDonorAsync(new GetDonorRequest { Name = donor.Name, Purpose = "test: donor state" });
    }
}
