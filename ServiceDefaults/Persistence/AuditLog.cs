using DonationRegistry.Common;
using DonationRegistry.Common.Auditing;
using DonationRegistry.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// Adds audit entries to the unit of work of the service's own database (table <c>audit_log</c>, see
/// <see cref="AuditLogModel.AddAuditLog"/>): a change is audited in the same SaveChanges as the change itself; a read is audited
/// before the data is returned (no audit row, no data). Registered by
/// <see cref="DatabaseExtensions.AddServiceDbContext{TBuilder, TContext}"/>.
/// </summary>
public sealed class AuditLog(DbContext db, TimeProvider clock)
{
    public const int MaxPurposeLength = 200;

    /// <summary>Audits a change; <paramref name="note"/> optionally says what changed (truncated to 200 characters).</summary>
    public void Changed(string operation, string subjectType, Guid subjectId, Actor actor, string? note = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry(AuditAction.Change, operation, subjectType, subjectId, actor, Truncate(note),
            clock.GetUtcNow()));

    public void Read(string operation, string subjectType, IEnumerable<Guid> subjectIds, Actor actor, string purpose)
    {
        var at = clock.GetUtcNow();
        foreach (var id in subjectIds)
        {
            db.Set<AuditEntry>().Add(new AuditEntry(AuditAction.Read, operation, subjectType, id, actor, Truncate(purpose.Trim()), at));
        }
    }

    /// <summary>Reads of a person's data must say why (PIPL Art 55); throws INVALID_ARGUMENT on field <c>purpose</c> otherwise.</summary>
    public static void RequirePurpose(string? purpose)
    {
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > MaxPurposeLength)
        {
            throw new ValidationFailedException("purpose", $"Say why you read this person's data (1–{MaxPurposeLength} characters).",
                "请填写查阅目的。");
        }
    }

    private static string? Truncate(string? text) => text is { Length: > MaxPurposeLength } ? text[..MaxPurposeLength] : text;
}
