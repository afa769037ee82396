namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>A co-signature or witness by the city Red Cross: who (user id and organisation) and when.</summary>
public sealed record CoSignature(string UserId, string? OrgId, DateTimeOffset At);
