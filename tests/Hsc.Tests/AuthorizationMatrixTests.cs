using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

/// <summary>
/// Every rpc × every role, and the region rules, both ways: an allowed call may fail for other reasons (not found, bad input) but
/// never with PERMISSION_DENIED; a refused one always does. Donors live in 330106 (a county of Hangzhou 330100).
/// </summary>
[Collection(HscFixture.Collection)]
public sealed class AuthorizationMatrixTests(HscFixture fixture)
{
    private const string Patient = "A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01";

    private static readonly string[] Rpcs =
    [
        "GetDonor", "ListDonors", "GetDonorTypingHistory", "RecordSample", "RecordTyping", "UploadHml", "ImportTypingsCsv",
        "SetDonorAttributes", "DeferDonor", "ReinstateDonor", "WithdrawDonor", "PermanentlyDeferDonor", "SubmitSearch",
        "GetSearchResults", "ListSearches", "ReduceTyping", "ExplainMatch", "GetHlaRelease", "ReloadHlaRelease",
    ];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Roles.HscCoordinator] = Rpcs.Except(["ReloadHlaRelease"]).ToArray(),
        [Roles.RegistryOfficer] = ["GetDonor", "ListDonors", "GetDonorTypingHistory", "ReduceTyping", "ExplainMatch", "GetHlaRelease"],
        [Roles.LocalRedCrossOfficer] = ["GetDonor", "ListDonors", "GetDonorTypingHistory", "ReduceTyping", "ExplainMatch", "GetHlaRelease"],
        [Roles.Auditor] = ["GetDonor", "ListDonors", "GetDonorTypingHistory", "GetSearchResults", "ListSearches", "ReduceTyping",
            "ExplainMatch", "GetHlaRelease"],
        [Roles.Administrator] = ["ReduceTyping", "ExplainMatch", "GetHlaRelease", "ReloadHlaRelease"],
    };

    /// <summary>The region each role's test user belongs to: all cover the donors' county 330106.</summary>
    private static string RegionOf(string role) => role switch
    {
        Roles.LocalRedCrossOfficer => "330106",
        Roles.Administrator or Roles.Auditor => "330000",
        _ => "330100",
    };

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.People)
        {
            foreach (var rpc in Rpcs)
            {
                data.Add(role, rpc);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Call_WhenTheRoleIsOrIsNotAllowed_IsServedOrPermissionDenied(string role, string rpc)
    {
        var donor = await DonorAsync();
        var token = await TokenAsync(role, RegionOf(role));
        var allowed = Allowed.TryGetValue(role, out var rpcs) && rpcs.Contains(rpc);

        var status = await StatusOfAsync(token, rpc, donor);

        if (allowed)
        {
            Assert.True(status != StatusCode.PermissionDenied, $"{role} should be allowed {rpc}");
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, status);
        }
    }

    [Theory]
    [InlineData(Roles.HscCoordinator, "330100", "GetDonor", true)]
    [InlineData(Roles.HscCoordinator, "330200", "GetDonor", false)]
    [InlineData(Roles.HscCoordinator, "330200", "SetDonorAttributes", false)]
    [InlineData(Roles.HscCoordinator, "330200", "RecordTyping", false)]
    [InlineData(Roles.HscCoordinator, "330200", "ListDonors", false)]
    [InlineData(Roles.HscCoordinator, "330200", "SubmitSearch", true)]
    [InlineData(Roles.HscCoordinator, "330000", "WithdrawDonor", true)]
    [InlineData(Roles.RegistryOfficer, "330000", "GetDonor", true)]
    [InlineData(Roles.RegistryOfficer, "330200", "GetDonor", false)]
    [InlineData(Roles.LocalRedCrossOfficer, "330106", "GetDonorTypingHistory", true)]
    [InlineData(Roles.LocalRedCrossOfficer, "330105", "GetDonor", false)]
    [InlineData(Roles.LocalRedCrossOfficer, "330105", "GetDonorTypingHistory", false)]
    [InlineData(Roles.Auditor, "330200", "GetDonor", false)]
    public async Task Call_WhenTheCallersRegionDoesOrDoesNotCoverTheDonor_IsServedOrPermissionDenied(string role, string region, string rpc,
        bool allowed)
    {
        var donor = await DonorAsync();
        var token = await TokenAsync(role, region);

        var status = await StatusOfAsync(token, rpc, donor);

        Assert.True(allowed ? status != StatusCode.PermissionDenied : status == StatusCode.PermissionDenied,
            $"{role} of {region} on {rpc}: {status}");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> Tokens = new();

    /// <summary>One user per role and region for the whole class (tokens live long enough for the run).</summary>
    private Task<string> TokenAsync(string role, string region) =>
        Tokens.GetOrAdd($"{fixture.Identity.Authority}|{role}|{region}", _ => fixture.TokenForRoleAsync(role, "ORG-" + region, region, "city"));

    private async Task<string> DonorAsync()
    {
        var steps = new DonorSteps(fixture);
        return (await steps.SampledAsync("330106")).Name;
    }

    /// <summary>Calls <paramref name="rpc"/> with harmless arguments and returns the status (OK when it succeeds).</summary>
    private async Task<StatusCode> StatusOfAsync(string token, string rpc, string donor)
    {
        var pool = fixture.Client<DonorPool.DonorPoolClient>(token);
        var search = fixture.Client<Search.SearchClient>(token);
        try
        {
            Task call = rpc switch
            {
                "GetDonor" => pool.GetDonorAsync(new GetDonorRequest { Name = donor, Purpose = "matrix" }).ResponseAsync,
                "ListDonors" => pool.ListDonorsAsync(new ListDonorsRequest { Purpose = "matrix", RegionCode = "330106" }).ResponseAsync,
                "GetDonorTypingHistory" => pool.GetDonorTypingHistoryAsync(new GetDonorTypingHistoryRequest { Name = donor, Purpose = "matrix" }).ResponseAsync,
                "RecordSample" => pool.RecordSampleAsync(new RecordSampleRequest { Name = donor, SampleId = "S-" + Guid.NewGuid().ToString("N")[..10] }).ResponseAsync,
                "RecordTyping" => pool.RecordTypingAsync(new RecordTypingRequest { Name = donor, GlString = "A*01:01+A*02:01" }).ResponseAsync,
                "UploadHml" => pool.UploadHmlAsync(new UploadHmlRequest { Hml = Google.Protobuf.ByteString.CopyFromUtf8("<x/>") }).ResponseAsync,
                "ImportTypingsCsv" => pool.ImportTypingsCsvAsync(new ImportTypingsCsvRequest { Csv = Google.Protobuf.ByteString.CopyFromUtf8("x") }).ResponseAsync,
                "SetDonorAttributes" => pool.SetDonorAttributesAsync(new SetDonorAttributesRequest { Name = donor, Cmv = CmvStatus.CmvNegative }).ResponseAsync,
                "DeferDonor" => pool.DeferDonorAsync(new DeferDonorRequest { Name = donor, Until = "2099-01-01", Reason = "matrix" }).ResponseAsync,
                "ReinstateDonor" => pool.ReinstateDonorAsync(new ReinstateDonorRequest { Name = donor }).ResponseAsync,
                "WithdrawDonor" => pool.WithdrawDonorAsync(new WithdrawDonorRequest { Name = donor, Reason = "matrix" }).ResponseAsync,
                "PermanentlyDeferDonor" => pool.PermanentlyDeferDonorAsync(new PermanentlyDeferDonorRequest { Name = donor, Reason = "matrix" }).ResponseAsync,
                "SubmitSearch" => search.SubmitSearchAsync(new SubmitSearchRequest
                {
                    PatientReference = "P-matrix", PatientTyping = Patient, Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
                }).ResponseAsync,
                "GetSearchResults" => search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = $"searches/{Guid.NewGuid()}" }).ResponseAsync,
                "ListSearches" => search.ListSearchesAsync(new ListSearchesRequest { PatientReference = "P-matrix" }).ResponseAsync,
                "ReduceTyping" => search.ReduceTypingAsync(new ReduceTypingRequest { Typing = "A*01:01", Target = ReductionTarget.P }).ResponseAsync,
                "ExplainMatch" => search.ExplainMatchAsync(new ExplainMatchRequest { PatientTyping = Patient, DonorTyping = Patient }).ResponseAsync,
                "GetHlaRelease" => search.GetHlaReleaseAsync(new GetHlaReleaseRequest()).ResponseAsync,
                "ReloadHlaRelease" => search.ReloadHlaReleaseAsync(new ReloadHlaReleaseRequest { Version = "no-such-release" }).ResponseAsync,
                _ => throw new ArgumentOutOfRangeException(nameof(rpc)),
            };
            await call;
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
