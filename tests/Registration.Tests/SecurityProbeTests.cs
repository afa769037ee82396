using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport.Security;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>Issue #9's token probes on every Registration rpc (the rules: <see cref="SecurityProbe"/>).</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class SecurityProbeTests(RegistrationFixture fixture)
{
    private static readonly HashSet<string> PublicRpcs = ["Registrations.VerifyCertificate"];

    [Fact]
    public async Task EveryRpc_WhenTheTokenIsMissingForgedExpiredOrWithoutScope_IsRefused()
    {
        var realToken = await fixture.ProvincialOfficerTokenAsync();

        var failures = await SecurityProbe.RunAsync(fixture.Host.Channel, RegistrationReflection.Descriptor.Services, PublicRpcs,
            new ForgedTokens(fixture.Identity), realToken, Scopes.Registration);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
