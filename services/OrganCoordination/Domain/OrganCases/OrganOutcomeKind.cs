namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>What became of one consented organ.</summary>
public enum OrganOutcomeKind
{
    /// <summary>Transplanted at the receiving hospital named in the outcome.</summary>
    Transplanted = 1,
    /// <summary>Recovered but not used, with a reason.</summary>
    Discarded = 2,
    NotRecovered = 3,
}
