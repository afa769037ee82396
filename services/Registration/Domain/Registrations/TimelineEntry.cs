namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>One step of a registration's history: what, who, when, why (条例 Art 21).</summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
    }

    public TimelineEntry(string action, RegistrationStatus status, Actor actor, string? reason, DateTimeOffset at)
    {
        Action = action;
        Status = status;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorOrgId = actor.OrgId;
        Reason = reason;
        At = at;
    }

    public long Id { get; private set; }
    public string Action { get; private set; } = "";
    public RegistrationStatus Status { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string? ActorOrgId { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
}
