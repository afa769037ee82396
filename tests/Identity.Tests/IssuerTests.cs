extern alias IdentityService;
using IdentityService::DonationRegistry.Identity;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DonationRegistry.Identity.Tests;

/// <summary>Which issuer the server uses: it must not depend on the port a request came in on (OIDC and gRPC differ).</summary>
public sealed class IssuerTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:7100", "http://127.0.0.1:7100/")]
    [InlineData(null, "http://localhost:7300/", "http://localhost:7300/")]
    [InlineData("https://id.example.org/", "http://127.0.0.1:7100", "https://id.example.org/")]
    [InlineData(null, "http://127.0.0.1:0", null)]
    [InlineData(null, "http://+:7100", null)]
    [InlineData(null, "http://*:7100", null)]
    [InlineData(null, "http://0.0.0.0:7100", null)]
    [InlineData(null, null, null)]
    public void IssuerOf_WhenConfigured_IsExplicitIssuerElseTheHttpEndpoint(string? issuer, string? httpUrl, string? expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:http:Url"] = httpUrl })
            .Build();

        var actual = Extensions.IssuerOf(configuration, new IdentitySettings { Issuer = issuer });

        Assert.Equal(expected, actual?.ToString());
    }
}
