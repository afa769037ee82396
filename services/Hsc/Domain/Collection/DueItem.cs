namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>One thing waiting for a party: a step of a case (since when, due by when) or a follow-up visit (its day and due date).</summary>
public sealed record DueItem(
    Guid CaseId, DueItemKind Kind, CollectionCaseStatus Step, CaseParty Party, DateTimeOffset? Since, DateTimeOffset? ExpectedBy,
    int? FollowUpDay, DateOnly? DueOn);
