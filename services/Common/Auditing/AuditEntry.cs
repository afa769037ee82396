namespace DonationRegistry.Common.Auditing;

/// <summary>
/// One append-only record of who read or changed which person's data, when and why (PIPL Art 55–56; kept at least 3 years).
/// Written in the same transaction as a change, or right after a read.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(AuditAction action, string operation, string subjectType, Guid subjectId, Actor actor, string? purpose, DateTimeOffset at)
    {
        Action = action;
        Operation = operation;
        SubjectType = subjectType;
        SubjectId = subjectId;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorOrgId = actor.OrgId;
        Purpose = purpose;
        At = at;
    }

    public long Id { get; private set; }
    public AuditAction Action { get; private set; }
    /// <summary>The rpc or process, e.g. "GetRegistration", "ImportRegistrations".</summary>
    public string Operation { get; private set; } = "";
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string? ActorOrgId { get; private set; }
    /// <summary>Why: the purpose the reader gave, or a short note of what a change did (at most 200 characters).</summary>
    public string? Purpose { get; private set; }
    public DateTimeOffset At { get; private set; }
}
