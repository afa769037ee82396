namespace DonationRegistry.OrganCoordination.Domain.Overview;

/// <summary>Where a case stands for the statistics.</summary>
public enum CaseOutcome
{
    /// <summary>Still running, not yet a donation.</summary>
    Open = 1,
    /// <summary>A donation: organ case completed, body received, tissue recovered (or any later step).</summary>
    Donated = 2,
    /// <summary>Ended without a donation: organ case closed, body rejected, tissue declined; see the closure reason.</summary>
    Closed = 3,
}
