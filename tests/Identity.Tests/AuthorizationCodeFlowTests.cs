using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DonationRegistry.Common;
using DonationRegistry.TestSupport.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace DonationRegistry.Identity.Tests;

/// <summary>
/// The Portal's flow, driven by an HttpClient the way a browser would: authorize → login page → sign in → back to authorize →
/// redirect with a code → token with the PKCE code verifier.
/// </summary>
public sealed partial class AuthorizationCodeFlowTests(IdentityServer identity) : IClassFixture<IdentityServer>, IDisposable
{
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
    private readonly string _verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task Authorize_WhenUserSignsInOnLoginPage_RedirectsWithCodeThatRedeemsWithVerifier()
    {
        var loginUrl = await StartAsync();
        var page = await GetPageAsync(loginUrl);
        Assert.Contains("浙江省红十字会", page, StringComparison.Ordinal);

        using var signIn = await PostLoginAsync(page, "clerk", IdentityServer.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var authorize = await _browser.GetAsync(Absolute(signIn.Headers.Location!));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callback = authorize.Headers.Location!;
        Assert.StartsWith(IdentityServer.PortalRedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-123", query["state"].ToString());

        using var response = await RedeemAsync(query["code"].ToString(), _verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("access_token").GetString()!;
        var payload = Jwt.Payload(token);
        Assert.Equal(Roles.RegistrationClerk, Jwt.String(payload, ClaimNames.Role));
        Assert.Equal("RP-330100-0001", Jwt.String(payload, ClaimNames.OrgId));
        Assert.Equal("330100", Jwt.String(payload, ClaimNames.Region));
        Assert.Equal([Scopes.Registration], Jwt.Values(payload, "aud"));
        Assert.True(json.RootElement.TryGetProperty("id_token", out _));
    }

    [Fact]
    public async Task Token_WhenRefreshTokenRedeemed_IssuesNewAccessTokenUntilUserDisabled()
    {
        var user = await identity.CreateUserAsync(Roles.RegistryOfficer, "RC-330100", "330100", "city");
        var page = await GetPageAsync(await StartAsync("openid offline_access registration"));
        using var signIn = await PostLoginAsync(page, user.UserName, user.Password);
        using var authorize = await _browser.GetAsync(Absolute(signIn.Headers.Location!));
        using var redeemed = await RedeemAsync(QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString(), _verifier);
        using var first = JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync());
        var refreshToken = first.RootElement.GetProperty("refresh_token").GetString()!;

        using var refreshed = await RefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var second = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        Assert.Equal("RC-330100", Jwt.String(Jwt.Payload(second.RootElement.GetProperty("access_token").GetString()!), ClaimNames.OrgId));

        await identity.DisableUserAsync(user.Id);
        using var refused = await RefreshAsync(second.RootElement.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("disabled", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WhenSignedIn_EndsTheLoginSession()
    {
        var page = await GetPageAsync(await StartAsync());
        using var signIn = await PostLoginAsync(page, "clerk", IdentityServer.DemoPassword);

        using var logout = await _browser.GetAsync(new Uri(identity.Authority + "connect/logout"));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        // Signed out: authorize sends the browser to the login page again.
        await StartAsync();
    }

    [Fact]
    public async Task Token_WhenCodeVerifierIsWrong_RefusedWithInvalidGrant()
    {
        var page = await GetPageAsync(await StartAsync());
        using var signIn = await PostLoginAsync(page, "officer.hz", IdentityServer.DemoPassword);
        using var authorize = await _browser.GetAsync(Absolute(signIn.Headers.Location!));
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();

        using var response = await RedeemAsync(code, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_grant", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenNoCodeChallenge_Refused()
    {
        var url = $"{identity.Authority}connect/authorize?client_id=portal&response_type=code&scope=openid%20registration" +
            $"&redirect_uri={Uri.EscapeDataString(IdentityServer.PortalRedirectUri)}&state=s";

        using var response = await _browser.GetAsync(new Uri(url));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var location = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();
        Assert.Contains("code_challenge", Uri.UnescapeDataString(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenPasswordWrong_StaysOnPageWithChineseMessage()
    {
        var page = await GetPageAsync(await StartAsync());

        using var response = await PostLoginAsync(page, "clerk", "wrong-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenUserDisabled_RefusedWithDisabledMessage()
    {
        var user = await identity.CreateUserAsync(Roles.FamilyCareStaff, "RC-330100", "330100", "city");
        await identity.DisableUserAsync(user.Id);
        var page = await GetPageAsync(await StartAsync());

        using var response = await PostLoginAsync(page, user.UserName, user.Password);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("该账户已停用", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenLangIsEn_ShowsEnglishAndEnglishErrors()
    {
        var loginUrl = await StartAsync();
        var page = await GetPageAsync(new Uri(loginUrl + "&lang=en"));
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);

        using var response = await PostLoginAsync(page, "clerk", "wrong-password");

        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9", "en")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("fr-FR", "zh-CN")]
    public async Task Login_WhenAcceptLanguageGiven_PicksLanguage(string acceptLanguage, string expectedLang)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(identity.Authority + "account/login"));
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await _browser.SendAsync(request);

        Assert.Contains($"<html lang=\"{expectedLang}\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WhenAntiforgeryTokenMissing_Refused()
    {
        var page = await GetPageAsync(await StartAsync());
        var form = Fields(page);
        form.Remove("__RequestVerificationToken");
        form["username"] = "clerk";
        form["password"] = IdentityServer.DemoPassword;

        using var response = await _browser.PostAsync(new Uri(identity.Authority + "account/login"), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_WhenReturnUrlPointsElsewhere_DoesNotRedirectThere()
    {
        var page = await GetPageAsync(new Uri(identity.Authority + "account/login"));
        var form = Fields(page);
        form["ReturnUrl"] = "https://evil.example/steal";
        form["username"] = "clerk";
        form["password"] = IdentityServer.DemoPassword;

        using var response = await _browser.PostAsync(new Uri(identity.Authority + "account/login"), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    /// <summary>GET authorize while signed out; returns the login page URL it redirects to.</summary>
    private async Task<Uri> StartAsync(string scope = "openid registration")
    {
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier)));
        var url = $"{identity.Authority}connect/authorize?client_id=portal&response_type=code" +
            $"&redirect_uri={Uri.EscapeDataString(IdentityServer.PortalRedirectUri)}&scope={Uri.EscapeDataString(scope)}" +
            $"&state=state-123&code_challenge={challenge}&code_challenge_method=S256";
        using var response = await _browser.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Absolute(response.Headers.Location!);
        Assert.Equal("/account/login", location.AbsolutePath);
        return location;
    }

    private async Task<string> GetPageAsync(Uri url)
    {
        using var response = await _browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> PostLoginAsync(string page, string userName, string password)
    {
        var form = Fields(page);
        form["username"] = userName;
        form["password"] = password;
        return _browser.PostAsync(new Uri(identity.Authority + "account/login"), new FormUrlEncodedContent(form));
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string verifier) =>
        _browser.PostAsync(new Uri(identity.Authority + "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "portal",
            ["code"] = code,
            ["redirect_uri"] = IdentityServer.PortalRedirectUri,
            ["code_verifier"] = verifier,
        }));

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _browser.PostAsync(new Uri(identity.Authority + "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "portal",
            ["refresh_token"] = refreshToken,
        }));

    private Uri Absolute(Uri location) => location.IsAbsoluteUri ? location : new Uri(new Uri(identity.Authority), location);

    /// <summary>The hidden inputs of the login form.</summary>
    private static Dictionary<string, string> Fields(string page) =>
        HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
