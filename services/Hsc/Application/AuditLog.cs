using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain;
using DonationRegistry.Hsc.Domain.Auditing;
using DonationRegistry.Hsc.Infrastructure;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// Adds audit entries to the unit of work: a change is audited in the same SaveChanges as the change itself; a read is audited
/// before the data is returned (no audit row, no data).
/// </summary>
public sealed class AuditLog(HscDbContext db, TimeProvider clock)
{
    public const int MaxPurposeLength = 200;

    public void Changed(string operation, string subjectType, Guid subjectId, Actor actor, string? detail = null) =>
        db.Audit.Add(new AuditEntry(AuditAction.Change, operation, subjectType, subjectId, actor, Truncate(detail), clock.GetUtcNow()));

    public void Read(string operation, string subjectType, IEnumerable<Guid> subjectIds, Actor actor, string purpose)
    {
        var at = clock.GetUtcNow();
        foreach (var id in subjectIds)
        {
            db.Audit.Add(new AuditEntry(AuditAction.Read, operation, subjectType, id, actor, Truncate(purpose.Trim()), at));
        }
    }

    /// <summary>Reads of a donor's data must say why (PIPL Art 55); throws INVALID_ARGUMENT on field <c>purpose</c> otherwise.</summary>
    public static void RequirePurpose(string? purpose)
    {
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > MaxPurposeLength)
        {
            throw new ValidationFailedException("purpose", $"Say why you read this donor's data (1–{MaxPurposeLength} characters).",
                "请填写查阅目的。");
        }
    }

    private static string? Truncate(string? text) => text is { Length: > 300 } ? text[..300] : text;
}
