using System.Security.Claims;
using DonationRegistry.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>The signed-in user of this circuit (or request): role, organisation, region and the access token for the services.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal Principal => _principal ??= Load();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;
    public string Name => Principal.FindFirst(ClaimNames.Name)?.Value ?? "";
    public string Role => Principal.FindFirst(ClaimNames.Role)?.Value ?? "";
    public string OrgId => Principal.FindFirst(ClaimNames.OrgId)?.Value ?? "";
    public string Region => Principal.FindFirst(ClaimNames.Region)?.Value ?? "";

    /// <summary>The Identity user id ("sub").</summary>
    public string Subject => Principal.FindFirst(ClaimNames.Subject)?.Value ?? "";

    /// <summary>This user as a FamilyCare staff member ("staffMembers/{user_id}").</summary>
    public string StaffMember => "staffMembers/" + Subject;

    /// <summary>The access token kept in the session at sign-in (<see cref="SignInEvents.AccessTokenClaim"/>).</summary>
    public string? AccessToken => Principal.FindFirst(SignInEvents.AccessTokenClaim)?.Value;

    public bool IsIn(string role) => string.Equals(Role, role, StringComparison.Ordinal);

    // Blazor's server-side provider hands out an already completed task (set when the circuit or request started).
    private ClaimsPrincipal Load() => authentication.GetAuthenticationStateAsync().GetAwaiter().GetResult().User;
}
