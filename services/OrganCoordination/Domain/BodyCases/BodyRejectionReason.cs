namespace DonationRegistry.OrganCoordination.Domain.BodyCases;

/// <summary>Why a body donation was not accepted.</summary>
public enum BodyRejectionReason
{
    /// <summary>The body's condition does not allow teaching or research use.</summary>
    Unsuitable = 1,
    InfectiousDisease = 2,
    /// <summary>A forensic autopsy is required.</summary>
    AutopsyRequired = 3,
    FamilyObjected = 4,
    /// <summary>No receiving unit can take the body (capacity, distance).</summary>
    NoReceivingUnit = 5,
    /// <summary>Too much time passed since death.</summary>
    TooLate = 6,
}
