namespace DonationRegistry.SystemTests.Journeys;

/// <summary>A user a journey needs beyond Identity's demo users (created through Identity's user administration, see <see cref="SystemUsers"/>).</summary>
public sealed record ExtraUser(string UserName, string DisplayName, string Role, string OrgType, string OrgId, string Region);
