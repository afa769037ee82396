namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>The required relatives appointed one of them in writing to sign for all.</summary>
public sealed record FamilyDelegation(string RepresentativeReference, string DocumentReference);
