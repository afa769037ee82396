namespace DonationRegistry.Contracts;

/// <summary>A registration was revoked: the person has no recorded decision for the programme any more.</summary>
public sealed record RegistrationRevoked(Guid RegistrationId, string Programme, string RegionCode, DateTimeOffset RevokedAt) : IIntegrationEvent;
