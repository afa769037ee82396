namespace DonationRegistry.Hsc.Domain;

/// <summary>Who did something: recorded on every change of a donor (条例 Art 21: no unattributed records).</summary>
public sealed record Actor(string UserId, string Role, string? OrgId, string? Region);
