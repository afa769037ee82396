using DonationRegistry.Common;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport.Security;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Issue #9's token probes on every OrganCoordination rpc (the rules: <see cref="SecurityProbe"/>). Public: the coordinator
/// credential check (协调员证书查询) and the memorial list (纪念名录), which must answer a caller with a bad token as an anonymous one.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class SecurityProbeTests(OrganFixture fixture)
{
    private static readonly HashSet<string> PublicRpcs = ["CoordinatorCredentials.CheckCredential", "Memorials.ListMemorials"];

    [Fact]
    public async Task EveryRpc_WhenTheTokenIsMissingForgedExpiredOrWithoutScope_IsRefused()
    {
        var realToken = await fixture.ProvincialOfficerTokenAsync();

        var failures = await SecurityProbe.RunAsync(fixture.Organ.Channel, OrganReflection.Descriptor.Services, PublicRpcs,
            new ForgedTokens(fixture.Identity), realToken, Scopes.Organ);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
