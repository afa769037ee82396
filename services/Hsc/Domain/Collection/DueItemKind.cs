namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>What a due-list item asks for.</summary>
public enum DueItemKind
{
    /// <summary>A step waiting for the caller's party, within its expected duration.</summary>
    StepWaiting = 1,
    /// <summary>A step waiting longer than its expected duration.</summary>
    StepOverdue = 2,
    /// <summary>A follow-up visit due this week (Monday to Sunday, Shanghai), not yet recorded.</summary>
    FollowUpDueThisWeek = 3,
    /// <summary>A follow-up visit past its due day, not recorded.</summary>
    FollowUpOverdue = 4,
}
