namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>What the recovered tissue was used for.</summary>
public enum TissueUse
{
    /// <summary>Cornea transplant (keratoplasty).</summary>
    Transplant = 1,
    Research = 2,
    Teaching = 3,
}
