namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>The steps of an organ donation case (DOMAIN.md section 4), in order; <see cref="Closed"/> carries a reason.</summary>
public enum OrganCaseStatus
{
    Referred = 1,
    RegistryChecked = 2,
    Evaluating = 3,
    FamilyApproach = 4,
    ConsentSigned = 5,
    EthicsReview = 6,
    DeathDetermination = 7,
    DeathDeclared = 8,
    WitnessAssigned = 9,
    AllocationRunning = 10,
    Procuring = 11,
    BodyRestored = 12,
    Witnessed = 13,
    BodyReleased = 14,
    CertificateIssued = 15,
    Completed = 16,
    Closed = 17,
}
