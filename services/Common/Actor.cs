namespace DonationRegistry.Common;

/// <summary>Who did something: recorded on every state change and audit row, in every service (条例 Art 21: no unattributed records).</summary>
public sealed record Actor(string UserId, string Role, string? OrgId, string? Region);
