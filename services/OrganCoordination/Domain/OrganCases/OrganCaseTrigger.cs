namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>What can happen to an organ donation case. The <c>Close…</c> triggers are the exits to Closed, one per reason.</summary>
public enum OrganCaseTrigger
{
    /// <summary>The registry answered Registered or None (a registration alone never advances the case further).</summary>
    RecordRegistryCheck = 1,
    StartEvaluation = 2,
    ApproachFamily = 3,
    SignConsent = 4,
    SubmitToEthics = 5,
    /// <summary>At least two thirds of the ethics committee approved (条例 Art 17–18).</summary>
    ApproveEthics = 6,
    DeclareDeath = 7,
    AssignWitnesses = 8,
    StartAllocation = 9,
    /// <summary>One organ's outcome (Transplanted, Discarded, NotRecovered); repeatable while allocation and procurement run.</summary>
    RecordOrganOutcome = 10,
    StartProcurement = 11,
    RestoreBody = 12,
    RecordWitnessReport = 13,
    ReleaseBody = 14,
    IssueCertificate = 15,
    Complete = 16,
    /// <summary>The registry holds a written objection (条例 Art 9).</summary>
    ClosePriorObjection = 17,
    CloseMedicalContraindication = 18,
    CloseFamilyDeclined = 19,
    CloseEthicsRejected = 20,
    CloseNotProgressed = 21,
}
