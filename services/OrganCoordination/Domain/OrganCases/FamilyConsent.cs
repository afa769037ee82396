namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>
/// The family's written consent: who the required relatives are, who signed (all of them, or the representative under a written
/// delegation), the organs consented to and the optional body and cornea donation.
/// </summary>
public sealed record FamilyConsent(
    IReadOnlyList<Relative> RequiredRelatives,
    IReadOnlyList<string> SignedBy,
    FamilyDelegation? Delegation,
    IReadOnlyList<Organ> Organs,
    bool IncludesBody,
    bool IncludesCornea,
    string DocumentReference);
