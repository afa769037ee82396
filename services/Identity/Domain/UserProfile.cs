namespace DonationRegistry.Identity.Domain;

/// <summary>What an administrator states about a new user (everything but the password).</summary>
public sealed record UserProfile(string UserName, string DisplayName, string Role, string OrgType, string OrgId, string Region);
