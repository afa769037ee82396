namespace DonationRegistry.Registration.Domain.Points;

/// <summary>One recorded lifecycle change of a point: who, when and why.</summary>
public sealed class PointTransition
{
    private PointTransition()
    {
    }

    public PointTransition(PointStatus from, PointStatus to, PointTrigger trigger, Actor actor, string? reason, DateTimeOffset at)
    {
        From = from;
        To = to;
        Trigger = trigger;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorOrgId = actor.OrgId;
        Reason = reason;
        At = at;
    }

    public long Id { get; private set; }
    public PointStatus From { get; private set; }
    public PointStatus To { get; private set; }
    public PointTrigger Trigger { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string? ActorOrgId { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
}
