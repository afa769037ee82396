using System.Security.Claims;
using DonationRegistry.Common;
using DonationRegistry.Identity.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DonationRegistry.Identity.Endpoints;

/// <summary>
/// The login page of the authorization code flow. A successful sign-in sets a cookie for this service only and returns the browser
/// to the authorization request it came from. Wrong passwords and disabled accounts are refused with a message on the page.
/// </summary>
public static class LoginEndpoints
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string LoginPath = "/account/login";

    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, ShowAsync).AllowAnonymous();
        app.MapPost(LoginPath, SubmitAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, IAntiforgery antiforgery)
    {
        string? returnUrl = http.Request.Query["ReturnUrl"];
        var text = LoginText.For(http.Request, returnUrl);
        var session = await http.AuthenticateAsync(CookieScheme);
        if (session.Succeeded && string.IsNullOrEmpty(returnUrl))
        {
            return Html(LoginPage.RenderSignedIn(text, session.Principal.FindFirstValue(ClaimNames.Name) ?? ""), StatusCodes.Status200OK);
        }
        return Form(http, antiforgery, text, returnUrl, null, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, IAntiforgery antiforgery, UserDirectory users)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string? returnUrl = form["ReturnUrl"];
        string? userName = form["username"];
        var text = LoginText.For(http.Request, returnUrl);
        if (!IsLocal(returnUrl))
        {
            returnUrl = null;
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, text, returnUrl, userName, text.Expired, StatusCodes.Status400BadRequest);
        }

        var check = await users.CheckPasswordAsync(userName, form["password"], http.RequestAborted);
        switch (check.Outcome)
        {
            case PasswordCheckOutcome.Disabled:
                return Form(http, antiforgery, text, returnUrl, userName, text.Disabled, StatusCodes.Status403Forbidden);
            case PasswordCheckOutcome.WrongCredentials:
                return Form(http, antiforgery, text, returnUrl, userName, text.WrongCredentials, StatusCodes.Status401Unauthorized);
        }

        var user = check.User!;
        var identity = new ClaimsIdentity(CookieScheme, ClaimNames.Name, ClaimNames.Role);
        identity.AddClaim(new Claim(ClaimNames.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(ClaimNames.Name, user.DisplayName));
        await http.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return string.IsNullOrEmpty(returnUrl)
            ? Html(LoginPage.RenderSignedIn(text, user.DisplayName), StatusCodes.Status200OK)
            : Results.Redirect(returnUrl);
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, LoginText text, string? returnUrl, string? userName,
        string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Html(LoginPage.Render(text, returnUrl, userName, error, tokens.FormFieldName, tokens.RequestToken ?? ""), status);
    }

    private static IResult Html(string html, int status) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>Only paths on this server, so the login page cannot be used to send people elsewhere.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
