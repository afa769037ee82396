using System.Security.Claims;
using DonationRegistry.Common;
using DonationRegistry.Identity.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DonationRegistry.Identity.Endpoints;

/// <summary>
/// The pass-through endpoints of the token server: OpenIddict validates each request (client, grant, scopes, PKCE) before these
/// handlers run; they decide who the token is for and what it says.
/// </summary>
public static class OidcEndpoints
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string LogoutPath = "/connect/logout";

    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).AllowAnonymous();
        app.MapPost(TokenPath, ExchangeAsync).AllowAnonymous();
        app.MapMethods(LogoutPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)LogoutAsync).AllowAnonymous();
        return app;
    }

    /// <summary>Authorization code flow: the browser must be signed in on the login page; then a code is issued.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserDirectory users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await http.AuthenticateAsync(LoginEndpoints.CookieScheme);
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }
            // Back here after the login page; without prompt=login, so the loop ends once signed in.
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt || !request.HasPromptValue(PromptValues.Login))
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [LoginEndpoints.CookieScheme]);
        }

        var user = Guid.TryParse(session.Principal.FindFirstValue(ClaimNames.Subject), out var id)
            ? await users.FindAsync(id, http.RequestAborted)
            : null;
        if (user is null || user.Disabled)
        {
            await http.SignOutAsync(LoginEndpoints.CookieScheme);
            return Refuse(Errors.AccessDenied, "The account is disabled or no longer exists.");
        }
        return Results.SignIn(new ClaimsPrincipal(TokenClaims.ForUser(user, request.GetScopes())), authenticationScheme: Scheme);
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, UserDirectory users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsPasswordGrantType())
        {
            var check = await users.CheckPasswordAsync(request.Username, request.Password, http.RequestAborted);
            return check.Outcome switch
            {
                PasswordCheckOutcome.Succeeded => SignIn(TokenClaims.ForUser(check.User!, request.GetScopes())),
                PasswordCheckOutcome.Disabled => Refuse(Errors.InvalidGrant, "The account is disabled."),
                _ => Refuse(Errors.InvalidGrant, "The user name or password is wrong."),
            };
        }

        if (request.IsClientCredentialsGrantType())
        {
            return SignIn(TokenClaims.ForClient(request.ClientId!, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The principal stored in the code or refresh token; the user is read again so a disabled user gets nothing and a
            // changed role shows in the new token.
            var stored = (await http.AuthenticateAsync(Scheme)).Principal;
            var user = Guid.TryParse(stored?.GetClaim(Claims.Subject), out var id) ? await users.FindAsync(id, http.RequestAborted) : null;
            if (stored is null || user is null || user.Disabled)
            {
                return Refuse(Errors.InvalidGrant, "The account is disabled or no longer exists.");
            }
            return SignIn(TokenClaims.ForUser(user, stored.GetScopes()));
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(LoginEndpoints.CookieScheme);
        // OpenIddict redirects to the validated post_logout_redirect_uri, or to RedirectUri when none was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = LoginEndpoints.LoginPath }, [Scheme]);
    }

    private static IResult SignIn(ClaimsIdentity identity) =>
        Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Scheme);

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [Scheme]);
}
