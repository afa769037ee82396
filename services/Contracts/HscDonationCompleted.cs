namespace DonationRegistry.Contracts;

/// <summary>
/// Published by the HSC service when a haematopoietic stem cell donation is completed (the collection was handed over). FamilyCare
/// visits HSC donors (e.g. in the Spring Festival campaign) when <paramref name="CareContactConsent"/> is true. Only the donor's
/// pseudonymous <paramref name="DonorId"/> and region travel, never a name or ID number.
/// </summary>
public sealed record HscDonationCompleted(Guid DonorId, string RegionCode, bool CareContactConsent, DateTimeOffset CompletedAt)
    : IIntegrationEvent;
