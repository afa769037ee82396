namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>
/// One step of a case's or credential's history: what happened, the state it led to, who (user, role, organisation), why and on
/// which evidence (条例 Art 21: every record attributable, nothing forged).
/// </summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
    }

    public TimelineEntry(string action, string status, Actor actor, string? reason, string? evidence, DateTimeOffset at)
    {
        Action = action;
        Status = status;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorOrgId = actor.OrgId;
        Reason = reason;
        Evidence = evidence;
        At = at;
    }

    public long Id { get; private set; }
    public string Action { get; private set; } = "";
    public string Status { get; private set; } = "";
    public string ActorUserId { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string? ActorOrgId { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>Reference of the document that proves the step (a signed form, a report number).</summary>
    public string? Evidence { get; private set; }
    public DateTimeOffset At { get; private set; }
}
