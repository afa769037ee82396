using System.Net;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.TestSupport.Identity;
using Xunit;

namespace DonationRegistry.Identity.Tests;

/// <summary>The token endpoint: password grant for every demo role, refusals, client credentials.</summary>
public sealed class TokenTests(IdentityServer identity) : IClassFixture<IdentityServer>
{
    [Theory]
    [InlineData("clerk", Roles.RegistrationClerk, "registration_point", "RP-330100-0001", "330100")]
    [InlineData("officer.hz", Roles.RegistryOfficer, "city", "RC-330100", "330100")]
    [InlineData("officer.zj", Roles.RegistryOfficer, "province", "RC-330000", "330000")]
    [InlineData("hsc.nb", Roles.HscCoordinator, "city", "RC-330200", "330200")]
    [InlineData("local.yh", Roles.LocalRedCrossOfficer, "county", "RC-330110", "330110")]
    [InlineData("hospital.nb", Roles.CollectionHospitalStaff, "hospital", "H-330203-0001", "330203")]
    [InlineData("coordinator", Roles.OrganCoordinator, "hospital", "H-330102-0001", "330102")]
    [InlineData("care.hz", Roles.FamilyCareStaff, "city", "RC-330100", "330100")]
    [InlineData("admin", Roles.Administrator, "province", "RC-330000", "330000")]
    [InlineData("auditor", Roles.Auditor, "province", "RC-330000", "330000")]
    public async Task TokenAsync_WhenDemoUserSignsIn_TokenCarriesRoleOrganisationAndRegion(
        string userName, string role, string orgType, string orgId, string region)
    {
        var token = await identity.TokenAsync(userName, IdentityServer.DemoPassword, Scopes.Registration, Scopes.Hsc);

        var header = Jwt.Header(token);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        var payload = Jwt.Payload(token);
        Assert.True(Guid.TryParse(Jwt.String(payload, ClaimNames.Subject), out _));
        Assert.False(string.IsNullOrWhiteSpace(Jwt.String(payload, ClaimNames.Name)));
        Assert.Equal(role, Jwt.String(payload, ClaimNames.Role));
        Assert.Equal(orgType, Jwt.String(payload, ClaimNames.OrgType));
        Assert.Equal(orgId, Jwt.String(payload, ClaimNames.OrgId));
        Assert.Equal(region, Jwt.String(payload, ClaimNames.Region));
        Assert.Equal("registration hsc", Jwt.String(payload, ClaimNames.Scope));
        Assert.Equal(["hsc", "registration"], Jwt.Values(payload, "aud").Order());
        Assert.Equal(identity.Authority, Jwt.String(payload, "iss"));
        Assert.Equal(3600, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task TokenAsync_WhenIdentityScopeRequested_AudienceIsIdentity()
    {
        var token = await identity.TokenAsync("admin", IdentityServer.DemoPassword, Scopes.Identity);

        Assert.Equal([Scopes.Identity], Jwt.Values(Jwt.Payload(token), "aud"));
    }

    [Fact]
    public async Task TokenAsync_WhenUserNameHasCapitals_SignsInTheSameUser()
    {
        var token = await identity.TokenAsync("Officer.HZ", IdentityServer.DemoPassword, Scopes.Registration);

        Assert.Equal("RC-330100", Jwt.String(Jwt.Payload(token), ClaimNames.OrgId));
    }

    [Fact]
    public async Task RequestTokenAsync_WhenPasswordWrong_RefusedWithInvalidGrant()
    {
        var (status, error, description) = await PasswordGrantAsync("clerk", "not-the-password");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error);
        Assert.Contains("user name or password", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTokenAsync_WhenUserUnknown_RefusedLikeAWrongPassword()
    {
        var (status, error, description) = await PasswordGrantAsync("nobody-here", IdentityServer.DemoPassword);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error);
        Assert.Contains("user name or password", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTokenAsync_WhenUserDisabled_RefusedSayingSo()
    {
        var user = await identity.CreateUserAsync(Roles.RegistrationClerk, "RP-330100-0002", "330100", "registration_point");
        await identity.DisableUserAsync(user.Id);

        var (status, error, description) = await PasswordGrantAsync(user.UserName, user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error);
        Assert.Contains("disabled", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenForAsync_WhenRoleAndOrganisationGiven_TokenCarriesThem()
    {
        var token = await identity.TokenForAsync(Roles.CollectionHospitalStaff, "H-330203-0009", "330203", "hospital", Scopes.Hsc);

        var payload = Jwt.Payload(token);
        Assert.Equal(Roles.CollectionHospitalStaff, Jwt.String(payload, ClaimNames.Role));
        Assert.Equal("H-330203-0009", Jwt.String(payload, ClaimNames.OrgId));
        Assert.Equal("330203", Jwt.String(payload, ClaimNames.Region));
        Assert.Equal("hospital", Jwt.String(payload, ClaimNames.OrgType));
        Assert.Equal([Scopes.Hsc], Jwt.Values(payload, "aud"));
    }

    [Fact]
    public async Task ClientTokenAsync_WhenServiceClientAsksForPermittedScopes_TokenHasServiceRoleAndAudiences()
    {
        var token = await identity.ClientTokenAsync("organcoordination", IdentityServer.ClientSecrets["organcoordination"],
            Scopes.Registration, Scopes.Organ);

        var payload = Jwt.Payload(token);
        Assert.Equal("organcoordination", Jwt.String(payload, ClaimNames.Subject));
        Assert.Equal(Roles.Service, Jwt.String(payload, ClaimNames.Role));
        Assert.Equal("registration organ", Jwt.String(payload, ClaimNames.Scope));
        Assert.Equal([Scopes.Organ, Scopes.Registration], Jwt.Values(payload, "aud").Order());
    }

    [Theory]
    [InlineData("registration", Scopes.Identity)]
    [InlineData("registration", Scopes.Hsc)]
    [InlineData("familycare", Scopes.Registration)]
    public async Task RequestTokenAsync_WhenClientAsksForScopeItLacks_Refused(string clientId, string scope)
    {
        using var response = await identity.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = IdentityServer.ClientSecrets[clientId],
            ["scope"] = scope,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not allowed to use the specified scope", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTokenAsync_WhenClientSecretWrong_RefusedAsInvalidClient()
    {
        using var response = await identity.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "registration",
            ["client_secret"] = "wrong-secret",
            ["scope"] = Scopes.Registration,
        });

        Assert.Equal("invalid_client", await ErrorOfAsync(response));
    }

    [Fact]
    public async Task RequestTokenAsync_WhenPublicToolsClientUsesClientCredentials_Refused()
    {
        using var response = await identity.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = IdentityServer.ToolsClientId,
            ["scope"] = Scopes.Registration,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, string? Error, string Description)> PasswordGrantAsync(string userName, string password)
    {
        using var response = await identity.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = IdentityServer.ToolsClientId,
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = Scopes.Registration,
        });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.GetProperty("error").GetString(),
            json.RootElement.GetProperty("error_description").GetString() ?? "");
    }

    private static async Task<string?> ErrorOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetString();
    }
}
