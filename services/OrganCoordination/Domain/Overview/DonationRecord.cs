namespace DonationRegistry.OrganCoordination.Domain.Overview;

/// <summary>
/// One case as the statistics count it: kind, region, when it was opened, whether it is open, realised (a donation) or closed and
/// why, and for organ cases the outcome of each organ. No personal data.
/// </summary>
public sealed record DonationRecord(
    DonationKind Donation,
    string RegionCode,
    DateTimeOffset OpenedAt,
    CaseOutcome Outcome,
    string? ClosureReason = null,
    int OrgansTransplanted = 0,
    int OrgansDiscarded = 0,
    int OrgansNotRecovered = 0);
