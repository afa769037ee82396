namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>One transition of a case (who, role, organisation, when, what, why), kept apart from the workflow state.</summary>
public sealed class CollectionTimelineEntry
{
    private CollectionTimelineEntry()
    {
    }

    public CollectionTimelineEntry(CollectionTrigger trigger, CollectionCaseStatus from, CollectionCaseStatus to, DonationRegistry.Common.Actor actor,
        DateTimeOffset at, string? summary, string? reason)
    {
        Id = Guid.CreateVersion7();
        Trigger = trigger;
        From = from;
        To = to;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorOrgId = actor.OrgId;
        At = at;
        Summary = summary;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public CollectionTrigger Trigger { get; private set; }
    public CollectionCaseStatus From { get; private set; }
    public CollectionCaseStatus To { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string? ActorOrgId { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>A short summary of the data recorded (no names, no ID numbers).</summary>
    public string? Summary { get; private set; }
    /// <summary>The reason code or note, when the transition has one.</summary>
    public string? Reason { get; private set; }
}
