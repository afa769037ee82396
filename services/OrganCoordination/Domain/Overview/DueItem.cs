namespace DonationRegistry.OrganCoordination.Domain.Overview;

/// <summary>
/// One thing waiting on a case: who must act (a role), what they may do, by when (the expected duration of the state, or the
/// tissue deadline), and whether it is overdue or a tissue window is about to be (or was) missed.
/// </summary>
public sealed record DueItem(
    DonationKind Donation,
    Guid CaseId,
    string State,
    string WaitingFor,
    IReadOnlyList<string> NextActions,
    DateTimeOffset StateSince,
    DateTimeOffset? DueAt,
    bool Overdue,
    TimeSpan? TissueTimeLeft,
    bool TissueWindowClosing,
    bool TissueWindowBreached);
