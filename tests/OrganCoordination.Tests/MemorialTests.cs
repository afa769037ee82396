using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Memorial records (缅怀纪念): the inscription only with the family's separate consent; the public list (no token) shows consented
/// inscriptions only and nothing else personal; one memorial per case; an organ case only once completed.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class MemorialTests(OrganFixture fixture)
{
    private readonly DonationSteps _steps = new(fixture);

    [Fact]
    public async Task ListMemorials_WithoutAToken_ShowsConsentedInscriptionsOnlyWithoutCaseOrRegion()
    {
        var site = "纪念园-" + Guid.NewGuid().ToString("N")[..6];
        var consented = await _steps.BodyInStateAsync(BodyCaseState.Disposed);
        var withheld = await _steps.TissueInStateAsync(TissueKind.Cornea, TissueCaseState.Used);
        var memorials = await _steps.MemorialsAsync();
        await memorials.RecordMemorialAsync(DonationSteps.Memorial(consented.Name, consented.Etag, "李四", site));
        await memorials.RecordMemorialAsync(DonationSteps.Memorial(withheld.Name, withheld.Etag, name: null, site: site));

        var list = await fixture.Memorials(null).ListMemorialsAsync(new ListMemorialsRequest { Site = site });

        var shown = Assert.Single(list.Memorials);
        Assert.Equal("李四", shown.Memorial_.InscribedName);
        Assert.Equal(DonationKind.BodyDonation, shown.Donation);
        Assert.Equal("", shown.Case);
        Assert.Equal("", shown.RegionCode);
        Assert.Equal("", shown.Memorial_.ConsentDocumentReference);
    }

    [Fact]
    public async Task RecordMemorial_OnAnOrganCaseNotYetCompleted_IsFailedPrecondition()
    {
        var c = await new CaseSteps(fixture).ReferAsync();

        await RpcAssert.IllegalAsync("Referred", async () => await (await _steps.MemorialsAsync()).RecordMemorialAsync(DonationSteps.Memorial(c.Name, c.Etag)));
    }

    [Fact]
    public async Task RecordMemorial_OnACompletedOrganCase_IsRecordedAndReadableWithItsPurpose()
    {
        var c = await new CaseSteps(fixture).InStateAsync(OrganCaseState.Completed);
        var memorials = await _steps.MemorialsAsync();

        var recorded = await memorials.RecordMemorialAsync(DonationSteps.Memorial(c.Name, c.Etag, "王五"));
        var read = await memorials.GetMemorialAsync(new GetMemorialRequest { Name = recorded.Name, Purpose = DonationSteps.Purpose });

        Assert.Equal(c.Name, read.Case);
        Assert.Equal(DonationKind.OrganDonation, read.Donation);
        Assert.Equal("王五", read.Memorial_.InscribedName);
        Assert.Equal("MEM-CONSENT-1", read.Memorial_.ConsentDocumentReference);
    }

    [Fact]
    public async Task RecordMemorial_Twice_IsAlreadyExists()
    {
        var c = await new CaseSteps(fixture).InStateAsync(OrganCaseState.Completed);
        var memorials = await _steps.MemorialsAsync();
        await memorials.RecordMemorialAsync(DonationSteps.Memorial(c.Name, c.Etag));

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => memorials.RecordMemorialAsync(DonationSteps.Memorial(c.Name, c.Etag)).ResponseAsync);
    }
}
