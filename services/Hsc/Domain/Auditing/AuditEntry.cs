namespace DonationRegistry.Hsc.Domain.Auditing;

/// <summary>
/// One append-only record of who read or changed which donor's data, when and why (PIPL Art 55–56; kept at least 3 years).
/// Written in the same transaction as a change, or before the data of a read is returned.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(AuditAction action, string operation, string subjectType, Guid subjectId, Actor actor, string? detail, DateTimeOffset at)
    {
        Action = action;
        Operation = operation;
        SubjectType = subjectType;
        SubjectId = subjectId;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorOrgId = actor.OrgId;
        Detail = detail;
        At = at;
    }

    public long Id { get; private set; }
    public AuditAction Action { get; private set; }
    /// <summary>The rpc or process, e.g. "GetDonor", "HscVolunteerEnrolled".</summary>
    public string Operation { get; private set; } = "";
    /// <summary>"donor" or "search".</summary>
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string? ActorOrgId { get; private set; }
    /// <summary>What changed (the trigger and reason) or why it was read.</summary>
    public string? Detail { get; private set; }
    public DateTimeOffset At { get; private set; }
}
