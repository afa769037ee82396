using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Hooks into the OpenID Connect sign-in.</summary>
public static class SignInEvents
{
    /// <summary>Claim holding the access token inside the (encrypted) session cookie, where Blazor circuits can read it.</summary>
    public const string AccessTokenClaim = "portal:access_token";

    /// <summary>Keeps the access token from the token response in the session principal.</summary>
    public static Task KeepAccessTokenAsync(TokenValidatedContext context)
    {
        var token = context.TokenEndpointResponse?.AccessToken;
        if (!string.IsNullOrEmpty(token) && context.Principal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(AccessTokenClaim, token));
        }
        return Task.CompletedTask;
    }

    /// <summary>Asks the login page for the user's current language.</summary>
    public static Task PassLanguageAsync(RedirectContext context)
    {
        context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.Name;
        return Task.CompletedTask;
    }
}
