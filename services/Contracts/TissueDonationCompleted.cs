namespace DonationRegistry.Contracts;

/// <summary>
/// Published by OrganCoordination when a cornea or brain tissue donation is completed (the tissue was recovered). Tissue is
/// "Cornea" or "Brain". Carries the pseudonymous family reference, the region and whether the family agreed to family-care contact.
/// </summary>
public sealed record TissueDonationCompleted(Guid CaseId, string Tissue, Guid FamilyReference, string RegionCode,
    bool FamilyCareContactConsent, DateTimeOffset CompletedAt) : IIntegrationEvent;
