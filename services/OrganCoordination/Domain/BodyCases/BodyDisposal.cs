namespace DonationRegistry.OrganCoordination.Domain.BodyCases;

/// <summary>What happened to the body after use.</summary>
public enum BodyDisposal
{
    /// <summary>The default.</summary>
    Cremation = 1,
    /// <summary>Kept as a specimen: only at the executor's written request.</summary>
    KeptAsSpecimen = 2,
    /// <summary>Returned to the family: only at the executor's written request.</summary>
    ReturnedToFamily = 3,
}
