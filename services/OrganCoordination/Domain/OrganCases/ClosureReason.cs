namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>Why an organ donation case ended in Closed.</summary>
public enum ClosureReason
{
    /// <summary>The registry holds the person's written objection (条例 Art 9).</summary>
    PriorObjection = 1,
    MedicalContraindication = 2,
    /// <summary>A required relative refused.</summary>
    FamilyDeclined = 3,
    /// <summary>Less than two thirds of the ethics committee approved.</summary>
    EthicsRejected = 4,
    /// <summary>The case stopped before death was declared (e.g. the patient recovered or the family withdrew the referral).</summary>
    NotProgressed = 5,
}
