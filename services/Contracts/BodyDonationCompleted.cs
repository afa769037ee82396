namespace DonationRegistry.Contracts;

/// <summary>
/// Published by OrganCoordination when a body donation (遗体捐献) is completed: the receiving unit has the body. Carries the
/// pseudonymous family reference, the region and whether the family agreed to family-care contact.
/// </summary>
public sealed record BodyDonationCompleted(Guid CaseId, Guid FamilyReference, string RegionCode, bool FamilyCareContactConsent,
    DateTimeOffset CompletedAt) : IIntegrationEvent;
