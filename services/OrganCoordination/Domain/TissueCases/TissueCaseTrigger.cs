namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>What can happen to a tissue donation case.</summary>
public enum TissueCaseTrigger
{
    /// <summary>The bank recovered the tissue; after the time window it is recorded and flagged as a breach.</summary>
    Recover = 1,
    Decline = 2,
    Use = 3,
    Memorialise = 4,
}
