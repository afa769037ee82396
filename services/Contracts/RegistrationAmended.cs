namespace DonationRegistry.Contracts;

/// <summary>A registered volunteer's scope, contacts or executor changed; <paramref name="Version"/> is the new version number.</summary>
public sealed record RegistrationAmended(Guid RegistrationId, int Version, IReadOnlyList<string> Scope, DateTimeOffset AmendedAt)
    : IIntegrationEvent;
