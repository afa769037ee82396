using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// A coordinator opens and runs cases only while holding an active credential (certified, unexpired, not suspended): refused with
/// PERMISSION_DENIED and a message saying why, for organ, body and tissue cases alike; allowed again once reinstated.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class CoordinatorCredentialCheckTests(OrganFixture fixture)
{
    private static CreateOrganCaseRequest NewCase() => new() { RegionCode = OrganFixture.Region, HospitalId = OrganFixture.Hospital };

    [Fact]
    public async Task CreateOrganCase_WhenTheCoordinatorHoldsNoCredential_IsPermissionDeniedSayingSo()
    {
        var (token, _) = await fixture.CoordinatorWithoutCredentialAsync();
        var before = await fixture.RowCountsAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => fixture.Cases(token).CreateOrganCaseAsync(NewCase()).ResponseAsync);

        Assert.Contains("active coordinator credential", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("no coordinator credential", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task CreateOrganCase_WhenTheCredentialIsOnlyApplied_IsPermissionDenied()
    {
        var (token, userId) = await fixture.CoordinatorWithoutCredentialAsync();
        await fixture.Credentials(await fixture.ProvincialOfficerTokenAsync()).CreateCredentialAsync(new CreateCredentialRequest
        {
            HolderId = userId, OrgId = OrganFixture.Hospital, RegionCode = "330100",
        });

        var ex = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => fixture.Cases(token).CreateOrganCaseAsync(NewCase()).ResponseAsync);

        Assert.Contains("Applicant", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseSteps_WhileTheCredentialIsSuspended_AreRefusedAndAllowedAgainOnceReinstated()
    {
        var (token, userId) = await fixture.CoordinatorWithoutCredentialAsync();
        var (_, number) = await fixture.CertifiedCoordinatorAsync(userId);
        var cases = fixture.Cases(token);
        var c = await cases.CreateOrganCaseAsync(NewCase());
        var officer = fixture.Credentials(await fixture.ProvincialOfficerTokenAsync());
        var credential = await FindAsync(officer, number);
        credential = await officer.SuspendCredentialAsync(new SuspendCredentialRequest { Name = credential.Name, Etag = credential.Etag, Reason = "调查中" });

        var ex = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            cases.CloseOrganCaseAsync(new CloseOrganCaseRequest { Name = c.Name, Etag = c.Etag, Reason = ClosureReason.NotProgressed, Note = "n" }).ResponseAsync);
        Assert.Contains("Suspended", ex.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new DonationSteps(fixture, coordinatorToken: token).CreateBodyAsync());

        await officer.ReinstateCredentialAsync(new CredentialStepRequest { Name = credential.Name, Etag = credential.Etag });
        var closed = await cases.CloseOrganCaseAsync(new CloseOrganCaseRequest { Name = c.Name, Etag = c.Etag, Reason = ClosureReason.NotProgressed, Note = "n" });

        Assert.Equal(OrganCaseState.Closed, closed.State);
    }

    [Fact]
    public async Task CreateOrganCase_WhenTheCredentialIsRevoked_IsPermissionDenied()
    {
        var (token, userId) = await fixture.CoordinatorWithoutCredentialAsync();
        var (_, number) = await fixture.CertifiedCoordinatorAsync(userId);
        var officer = fixture.Credentials(await fixture.ProvincialOfficerTokenAsync());
        var credential = await FindAsync(officer, number);
        await officer.RevokeCredentialAsync(new RevokeCredentialRequest { Name = credential.Name, Etag = credential.Etag, Reason = RevocationReason.FalseWitness });

        var ex = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => fixture.Cases(token).CreateOrganCaseAsync(NewCase()).ResponseAsync);

        Assert.Contains("Revoked", ex.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>The credential with <paramref name="number"/>, read through the database id (the API has no search by number).</summary>
    private async Task<Credential> FindAsync(CoordinatorCredentials.CoordinatorCredentialsClient officer, string number)
    {
        var id = await fixture.WithOrganDbAsync(db => Task.FromResult(db.Credentials.Single(c => c.Number == number).Id));
        return await officer.GetCredentialAsync(new GetCredentialRequest { Name = "credentials/" + id });
    }
}
