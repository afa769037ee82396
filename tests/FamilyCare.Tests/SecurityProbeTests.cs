using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport.Security;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>Issue #9's token probes on every FamilyCare (小桔灯) rpc (the rules: <see cref="SecurityProbe"/>). No rpc is public.</summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class SecurityProbeTests(FamilyCareFixture fixture)
{
    private static readonly HashSet<string> PublicRpcs = [];

    [Fact]
    public async Task EveryRpc_WhenTheTokenIsMissingForgedExpiredOrWithoutScope_IsRefused()
    {
        var realToken = await fixture.ManagerTokenAsync(RegionCodes.Province);

        var failures = await SecurityProbe.RunAsync(fixture.Host.Channel, FamilycareReflection.Descriptor.Services, PublicRpcs,
            new ForgedTokens(fixture.Identity), realToken, Scopes.FamilyCare);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
