using DonationRegistry.Common;
using System.Security.Claims;
using OpenIddict.Validation.AspNetCore;

namespace DonationRegistry.Identity.Grpc;

/// <summary>
/// Who may call UserAdmin: an access token of this server (validated in-process by OpenIddict validation with UseLocalServer:
/// same keys and issuer, no HTTP round trip to itself, no Authority URL to configure) with audience and scope <c>identity</c> and
/// role <c>administrator</c>. No token: UNAUTHENTICATED; another role: PERMISSION_DENIED.
/// </summary>
public static class AdminApi
{
    public const string Policy = "identity-admin";
    public const string Scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    /// <summary>Scopes arrive either as one space-separated <c>scope</c> claim or as OpenIddict's private <c>oi_scp</c> claims.</summary>
    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll(ClaimNames.Scope).Concat(user.FindAll("oi_scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
