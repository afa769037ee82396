using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport.Security;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

/// <summary>Issue #9's token probes on every HSC rpc (the rules: <see cref="SecurityProbe"/>). HSC has no public rpc.</summary>
[Collection(HscFixture.Collection)]
public sealed class SecurityProbeTests(HscFixture fixture)
{
    private static readonly HashSet<string> PublicRpcs = [];

    [Fact]
    public async Task EveryRpc_WhenTheTokenIsMissingForgedExpiredOrWithoutScope_IsRefused()
    {
        var realToken = await fixture.AdministratorTokenAsync();

        var failures = await SecurityProbe.RunAsync(fixture.Host.Channel, HscReflection.Descriptor.Services, PublicRpcs,
            new ForgedTokens(fixture.Identity), realToken, Scopes.Hsc);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
