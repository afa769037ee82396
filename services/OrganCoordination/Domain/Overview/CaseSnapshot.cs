namespace DonationRegistry.OrganCoordination.Domain.Overview;

/// <summary>
/// What the due list needs to know of one open case of any kind: its state and since when, where it belongs, the actions allowed
/// now and, for tissue, the recovery deadline. No personal data.
/// </summary>
public sealed record CaseSnapshot(
    DonationKind Donation,
    Guid CaseId,
    string State,
    DateTimeOffset StateSince,
    string RegionCode,
    string OrgId,
    string? ReceivingUnitId,
    IReadOnlyList<string> AllowedActions,
    DateTimeOffset? TissueDeadline = null);
