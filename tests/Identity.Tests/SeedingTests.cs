using System.Net;
using DonationRegistry.Common;
using DonationRegistry.TestSupport.Identity;
using Xunit;

namespace DonationRegistry.Identity.Tests;

/// <summary>Outside Development: no demo users unless asked for, and no service client without a configured secret.</summary>
public sealed class SeedingTests : IAsyncLifetime
{
    private readonly IdentityServer _identity = IdentityServer.WithSettings(new Dictionary<string, string?>
    {
        ["Identity:SeedDemoData"] = "false",
        ["Identity:Clients:hsc:Secret"] = "",
    });

    public Task InitializeAsync() => _identity.InitializeAsync();

    public Task DisposeAsync() => _identity.DisposeAsync();

    [Fact]
    public async Task TokenAsync_WhenDemoDataNotRequested_DemoUsersDoNotExist()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _identity.TokenAsync("admin", IdentityServer.DemoPassword, Scopes.Identity));

        Assert.Contains("invalid_grant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTokenAsync_WhenClientHasNoConfiguredSecret_ClientIsNotRegisteredAndDevDefaultIsUnknown()
    {
        using var response = await _identity.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "hsc",
            ["client_secret"] = "dev-hsc-secret",
            ["scope"] = Scopes.Hsc,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientTokenAsync_WhenSecretConfigured_ClientIsRegistered()
    {
        var token = await _identity.ClientTokenAsync("registration", IdentityServer.ClientSecrets["registration"], Scopes.Registration);

        Assert.Equal(Roles.Service, Jwt.String(Jwt.Payload(token), ClaimNames.Role));
    }

    [Fact]
    public async Task RestartAsync_WhenSeededAgain_KeepsExistingUsers()
    {
        var user = await _identity.CreateUserAsync(Roles.Auditor, "RC-330000", "330000", "province");

        await _identity.RestartAsync();

        var token = await _identity.TokenAsync(user.UserName, user.Password, Scopes.Registration);
        Assert.Equal(user.Id.ToString(), Jwt.String(Jwt.Payload(token), ClaimNames.Subject));
    }
}
