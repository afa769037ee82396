using System.Security.Claims;
using DonationRegistry.Common;
using Scopes = DonationRegistry.Common.Scopes;
using DonationRegistry.Identity.Domain;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DonationRegistry.Identity.Accounts;

/// <summary>
/// Builds the identities the token server signs. Every claim goes to the access token; the audience of a token is the set of
/// business scopes it was granted (scope <c>registration</c> gives <c>aud=registration</c>), because each service accepts only
/// tokens whose audience is its own scope name.
/// </summary>
public static class TokenClaims
{
    /// <summary>Claims that also go into the identity token when the Portal asked for <c>openid</c>.</summary>
    private static readonly HashSet<string> IdentityTokenClaims =
        [ClaimNames.Subject, ClaimNames.Name, ClaimNames.Role, Claims.PreferredUsername, ClaimNames.OrgType, ClaimNames.OrgId, ClaimNames.Region];

    public static ClaimsIdentity ForUser(User user, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(ClaimNames.Subject, user.Id.ToString())
            .SetClaim(ClaimNames.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(ClaimNames.Role, user.Role)
            .SetClaim(ClaimNames.OrgType, user.OrgType)
            .SetClaim(ClaimNames.OrgId, user.OrgId)
            .SetClaim(ClaimNames.Region, user.Region);
        return Finish(identity, scopes);
    }

    /// <summary>A service calling with client credentials: <c>sub</c> = client id, role <c>service</c>.</summary>
    public static ClaimsIdentity ForClient(string clientId, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(ClaimNames.Subject, clientId)
            .SetClaim(ClaimNames.Name, clientId)
            .SetClaim(ClaimNames.Role, Roles.Service);
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, ClaimNames.Name, ClaimNames.Role);

    private static ClaimsIdentity Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.Distinct(StringComparer.Ordinal).ToArray();
        identity.SetScopes(granted);
        identity.SetResources(granted.Where(s => Scopes.All.Contains(s, StringComparer.Ordinal)));
        var openId = granted.Contains(OpenIddictConstants.Scopes.OpenId, StringComparer.Ordinal);
        identity.SetDestinations(claim => openId && IdentityTokenClaims.Contains(claim.Type)
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return identity;
    }
}
