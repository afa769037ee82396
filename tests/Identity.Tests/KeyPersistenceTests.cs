using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.TestSupport.Identity;
using Xunit;

namespace DonationRegistry.Identity.Tests;

/// <summary>The signing and encryption keys are created once under the keys folder and reused after a restart.</summary>
public sealed class KeyPersistenceTests : IAsyncLifetime
{
    private readonly IdentityServer _identity = new();

    public Task InitializeAsync() => _identity.InitializeAsync();

    public Task DisposeAsync() => _identity.DisposeAsync();

    [Fact]
    public async Task RestartAsync_WhenSameKeysFolder_SignsWithTheSameKey()
    {
        var before = Jwt.Header(await _identity.TokenAsync("clerk", IdentityServer.DemoPassword, Scopes.Registration)).GetProperty("kid").GetString();
        var jwksBefore = await KeyIdsAsync();

        await _identity.RestartAsync();

        var after = Jwt.Header(await _identity.TokenAsync("clerk", IdentityServer.DemoPassword, Scopes.Registration)).GetProperty("kid").GetString();
        Assert.False(string.IsNullOrEmpty(before));
        Assert.Equal(before, after);
        Assert.Equal(jwksBefore, await KeyIdsAsync());
        Assert.Contains(before, jwksBefore);
    }

    [Fact]
    public void KeysFolder_WhenServerStarted_HoldsOwnerOnlyPemFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_identity.KeysPath));
        }
        foreach (var file in new[] { "signing-key.pem", "encryption-key.pem" })
        {
            var path = Path.Combine(_identity.KeysPath, file);
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
    }

    [Fact]
    public async Task Discovery_WhenFetched_NamesIssuerAndJwksOnTheHttpEndpoint()
    {
        using var http = new HttpClient();
        var discovery = await http.GetFromJsonAsync<JsonElement>(new Uri(_identity.Authority + ".well-known/openid-configuration"));

        Assert.Equal(_identity.Authority, discovery.GetProperty("issuer").GetString());
        Assert.Equal(_identity.Authority + ".well-known/jwks", discovery.GetProperty("jwks_uri").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<string?[]> KeyIdsAsync()
    {
        using var http = new HttpClient();
        var jwks = await http.GetFromJsonAsync<JsonElement>(new Uri(_identity.Authority + ".well-known/jwks"));
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).Order()];
    }
}
