using System.Net;
using DonationRegistry.Common;
using DonationRegistry.SampleService.V1;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Platform.Tests;

/// <summary>
/// A JWT-protected rpc of the test-only service, validating real tokens from the Identity service: no token, the wrong role, the
/// wrong scope and the right caller.
/// </summary>
public sealed class AuthorizationTests(IdentityServer identity) : IClassFixture<IdentityServer>, IAsyncLifetime
{
    private SampleServiceHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new SampleServiceHost(identity.Authority);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Sample.SampleClient Client(string? token) => new(_host.Channel(token));

    [Fact]
    public async Task GetWhoAmI_WhenNoToken_ReturnsUnauthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(null).GetWhoAmIAsync(new GetWhoAmIRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task GetWhoAmI_WhenTokenForged_ReturnsUnauthenticated()
    {
        var token = await identity.TokenAsync("officer.hz", IdentityServer.DemoPassword, Scopes.Registration);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(forged).GetWhoAmIAsync(new GetWhoAmIRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("admin")]
    [InlineData("auditor")]
    public async Task GetWhoAmI_WhenWrongRole_ReturnsPermissionDenied(string userName)
    {
        var token = await identity.TokenAsync(userName, IdentityServer.DemoPassword, Scopes.Registration);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(token).GetWhoAmIAsync(new GetWhoAmIRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task GetWhoAmI_WhenRightRoleButTokenForAnotherService_ReturnsUnauthenticated()
    {
        // A token minted for the HSC service (audience "hsc") is no good at a service whose audience is "registration".
        var token = await identity.TokenAsync("officer.hz", IdentityServer.DemoPassword, Scopes.Hsc);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(token).GetWhoAmIAsync(new GetWhoAmIRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task GetWhoAmI_WhenRegistryOfficer_ReturnsCallerFromClaims()
    {
        var token = await identity.TokenForAsync(Roles.RegistryOfficer, "RC-330200", "330200", "city", Scopes.Registration);

        var me = await Client(token).GetWhoAmIAsync(new GetWhoAmIRequest());

        Assert.Equal(Roles.RegistryOfficer, me.Role);
        Assert.Equal("RC-330200", me.OrgId);
        Assert.Equal("330200", me.Region);
    }

    [Fact]
    public async Task GetWhoAmI_OverJsonTranscoding_SameRulesApply()
    {
        using var anonymous = _host.Http();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/v1/whoami", UriKind.Relative))).StatusCode);

        using var clerk = _host.Http(await identity.TokenAsync("clerk", IdentityServer.DemoPassword, Scopes.Registration));
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/v1/whoami", UriKind.Relative))).StatusCode);

        using var officer = _host.Http(await identity.TokenAsync("officer.hz", IdentityServer.DemoPassword, Scopes.Registration));
        var body = await officer.GetStringAsync(new Uri("/v1/whoami", UriKind.Relative));
        Assert.Contains("\"orgId\":\"RC-330100\"", body, StringComparison.Ordinal);
    }
}
