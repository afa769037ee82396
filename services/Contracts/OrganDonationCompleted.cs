namespace DonationRegistry.Contracts;

/// <summary>
/// Published by OrganCoordination when an organ donation case is completed (certificate issued to the family). FamilyCare starts
/// its care of the family from it when the family agreed to be contacted. The family is named only by a pseudonymous reference.
/// </summary>
public sealed record OrganDonationCompleted(Guid CaseId, Guid FamilyReference, string RegionCode, bool FamilyCareContactConsent,
    int OrgansTransplanted, DateTimeOffset CompletedAt) : IIntegrationEvent;
