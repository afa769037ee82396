using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Requests;

/// <summary>
/// Every DonorRequests rpc × every role, and the organisation rules, both ways: an allowed call may fail for other reasons (state,
/// bad input) but never with PERMISSION_DENIED; a refused one always does. Requests belong to Ningbo (330200); donors live in 330106.
/// </summary>
[Collection(HscFixture.Collection)]
public sealed class DonorRequestAuthorizationTests(HscFixture fixture)
{
    private readonly RequestSteps _steps = new(fixture);

    private static readonly string[] Rpcs =
    [
        "OpenDonorRequest", "GetDonorRequest", "ListDonorRequests", "RecordReContactAttempt", "RecordConfirmatorySample",
        "RecordConfirmatoryTyping", "SelectDonor", "CancelDonorRequest",
    ];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Roles.HscCoordinator] = Rpcs,
        [Roles.LocalRedCrossOfficer] = ["GetDonorRequest", "ListDonorRequests", "RecordReContactAttempt"],
        [Roles.Auditor] = ["GetDonorRequest", "ListDonorRequests"],
    };

    /// <summary>The region of each role's test user: each covers the request (city 330200) or its donor (330106).</summary>
    private static string RegionOf(string role) => role switch
    {
        Roles.LocalRedCrossOfficer => RequestSteps.DonorCounty,
        Roles.Administrator or Roles.Auditor => "330000",
        Roles.RegistrationClerk => "330106",
        _ => RequestSteps.City,
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
        var allowed = Allowed.TryGetValue(role, out var rpcs) && rpcs.Contains(rpc);
        // A refused call touches nothing, so those share one subject; an allowed one gets its own.
        var (donor, search, request, spare) = allowed ? await SubjectAsync() : await Shared.GetOrAdd(fixture.Identity.Authority, _ => SubjectAsync());
        var token = await TokenAsync(role, RegionOf(role));

        var status = await StatusOfAsync(token, rpc, donor, search, request, spare);

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
    [InlineData(Roles.HscCoordinator, "330200", "SelectDonor", true)]
    [InlineData(Roles.HscCoordinator, "330100", "SelectDonor", false)]
    [InlineData(Roles.HscCoordinator, "330100", "CancelDonorRequest", false)]
    [InlineData(Roles.HscCoordinator, "330100", "RecordConfirmatorySample", false)]
    [InlineData(Roles.HscCoordinator, "330100", "RecordConfirmatoryTyping", false)]
    [InlineData(Roles.HscCoordinator, "330100", "GetDonorRequest", false)]
    [InlineData(Roles.HscCoordinator, "330100", "RecordReContactAttempt", false)]
    [InlineData(Roles.HscCoordinator, "330100", "OpenDonorRequest", true)]
    [InlineData(Roles.HscCoordinator, "330000", "CancelDonorRequest", true)]
    [InlineData(Roles.LocalRedCrossOfficer, "330106", "RecordReContactAttempt", true)]
    [InlineData(Roles.LocalRedCrossOfficer, "330105", "RecordReContactAttempt", false)]
    [InlineData(Roles.LocalRedCrossOfficer, "330105", "GetDonorRequest", false)]
    [InlineData(Roles.LocalRedCrossOfficer, "330106", "GetDonorRequest", true)]
    [InlineData(Roles.Auditor, "330000", "GetDonorRequest", true)]
    [InlineData(Roles.Auditor, "330200", "GetDonorRequest", true)]
    [InlineData(Roles.Auditor, "330300", "GetDonorRequest", false)]
    public async Task Call_WhenTheCallersRegionDoesOrDoesNotCoverTheRequest_IsServedOrPermissionDenied(string role, string region,
        string rpc, bool allowed)
    {
        var (donor, search, request, spare) = await SubjectAsync();
        var token = await TokenAsync(role, region);

        var status = await StatusOfAsync(token, rpc, donor, search, request, spare);

        Assert.True(allowed ? status != StatusCode.PermissionDenied : status == StatusCode.PermissionDenied,
            $"{role} of {region} on {rpc}: {status}");
    }

    [Fact]
    public async Task OpenDonorRequest_WhenTheCityIsOutsideTheCallersRegion_IsPermissionDenied()
    {
        var donor = await _steps.DonorAsync();
        var search = await _steps.SearchAsync();
        var coordinator = await _steps.CoordinatorAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await coordinator.OpenDonorRequestAsync(new OpenDonorRequestRequest
        {
            Search = search.Name, Donor = donor.Name, TransplantCentre = "中心", CityRegion = "330100",
        }));
    }

    [Fact]
    public async Task ListDonorRequests_WhenCalledFromAnotherCity_ShowsNoneOfThisCitysRequests()
    {
        var (_, _, request, _) = await SubjectAsync();
        var hangzhou = fixture.Client<DonorRequests.DonorRequestsClient>(await fixture.CoordinatorTokenAsync("330100"));
        var ningbo = await _steps.CoordinatorAsync();

        var theirs = await hangzhou.ListDonorRequestsAsync(new ListDonorRequestsRequest { Purpose = "matrix", PageSize = 500 });
        var ours = await ningbo.ListDonorRequestsAsync(new ListDonorRequestsRequest { Purpose = "matrix", PageSize = 500 });

        Assert.DoesNotContain(theirs.DonorRequests, r => r.Name == request);
        Assert.Contains(ours.DonorRequests, r => r.Name == request);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> Tokens = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<(string, string, string, string)>> Shared = new();

    private Task<string> TokenAsync(string role, string region) =>
        Tokens.GetOrAdd($"{fixture.Identity.Authority}|{role}|{region}", _ => fixture.TokenForRoleAsync(role, "ORG-" + region, region, "city"));

    /// <summary>A fresh donor, a search that finds it and an open request on it (Ningbo), and a second patient's search that found
    /// the donor before it was reserved (for OpenDonorRequest).</summary>
    private async Task<(string Donor, string Search, string Request, string SpareSearch)> SubjectAsync()
    {
        var donor = await _steps.DonorAsync();
        var search = await _steps.SearchAsync();
        var spare = await _steps.SearchAsync();
        var request = await _steps.OpenAsync(donor, search);
        return (donor.Name, search.Name, request.Name, spare.Name);
    }

    /// <summary>Calls <paramref name="rpc"/> with harmless arguments and returns the status (OK when it succeeds).</summary>
    private async Task<StatusCode> StatusOfAsync(string token, string rpc, string donor, string search, string request, string spareSearch)
    {
        var client = fixture.Client<DonorRequests.DonorRequestsClient>(token);
        try
        {
            Task call = rpc switch
            {
                // A second patient's search: the same donor may be requested again (it is already Reserved).
                "OpenDonorRequest" => client.OpenDonorRequestAsync(new OpenDonorRequestRequest
                {
                    Search = spareSearch, Donor = donor, TransplantCentre = "中心",
                }).ResponseAsync,
                "GetDonorRequest" => client.GetDonorRequestAsync(new GetDonorRequestRequest { Name = request, Purpose = "matrix" }).ResponseAsync,
                "ListDonorRequests" => client.ListDonorRequestsAsync(new ListDonorRequestsRequest { Purpose = "matrix", Search = search }).ResponseAsync,
                "RecordReContactAttempt" => client.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
                {
                    Name = request, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorUnreachable,
                }).ResponseAsync,
                "RecordConfirmatorySample" => client.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
                {
                    Name = request, Stage = ConfirmatorySampleStage.ConfirmatorySampleRequested,
                }).ResponseAsync,
                "RecordConfirmatoryTyping" => client.RecordConfirmatoryTypingAsync(new RecordConfirmatoryTypingRequest
                {
                    Name = request, GlString = RequestSteps.Patient,
                }).ResponseAsync,
                "SelectDonor" => client.SelectDonorAsync(new SelectDonorRequest { Name = request, Selection = DonorSelection.PrimaryDonor }).ResponseAsync,
                "CancelDonorRequest" => client.CancelDonorRequestAsync(new CancelDonorRequestRequest { Name = request, Reason = "matrix" }).ResponseAsync,
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
