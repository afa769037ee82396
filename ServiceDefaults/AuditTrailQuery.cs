using System.Globalization;
using DonationRegistry.Audit.V1;
using DonationRegistry.Common;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// A checked <see cref="ListAuditEntriesRequest"/>: every bad filter is reported at once as a field violation, before any row is
/// read. Pure (no I/O), so the rules are testable alone.
/// </summary>
public sealed record AuditTrailQuery(Guid? SubjectId, string? ActorUserId, string? Operation, Common.Auditing.AuditAction? Action,
    DateTimeOffset? Start, DateTimeOffset? End, int PageSize, (DateTimeOffset At, long Id)? After, string Purpose)
{
    public const string ListOperation = "ListAuditEntries";

    public static AuditTrailQuery From(ListAuditEntriesRequest request)
    {
        var violations = new List<FieldViolation>();
        Guid? subject = null;
        if (request.SubjectId.Length > 0)
        {
            if (Guid.TryParse(request.SubjectId, out var id))
            {
                subject = id;
            }
            else
            {
                violations.Add(new FieldViolation("subject_id", "Must be a record id (UUID), e.g. 0193a4c2-7d1e-7b3a-9c2f-1a2b3c4d5e6f."));
            }
        }
        if (request.ActorUserId.Length > 64)
        {
            violations.Add(new FieldViolation("actor_user_id", "Must be at most 64 characters."));
        }
        if (request.Operation.Length > 60)
        {
            violations.Add(new FieldViolation("operation", "Must be at most 60 characters."));
        }
        Common.Auditing.AuditAction? action = request.Action switch
        {
            AuditAction.Unspecified => null,
            AuditAction.Read => Common.Auditing.AuditAction.Read,
            AuditAction.Change => Common.Auditing.AuditAction.Change,
            _ => Invalid(violations, "action", "Must be READ, CHANGE or unspecified."),
        };
        var start = request.StartTime?.ToDateTimeOffset();
        var end = request.EndTime?.ToDateTimeOffset();
        if (start is not null && end is not null && end <= start)
        {
            violations.Add(new FieldViolation("end_time", "Must be after start_time."));
        }
        if (request.PageSize is < 0 or > PageTokens.MaxSize)
        {
            violations.Add(new FieldViolation("page_size", $"Must be between 0 and {PageTokens.MaxSize}."));
        }
        var after = DecodeToken(request.PageToken, violations);
        if (string.IsNullOrWhiteSpace(request.Purpose) || request.Purpose.Trim().Length > AuditLog.MaxPurposeLength)
        {
            violations.Add(new FieldViolation("purpose", $"Say why you read the audit log (1–{AuditLog.MaxPurposeLength} characters)."));
        }
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations, "查询条件有误，请按提示修改。");
        }
        return new AuditTrailQuery(subject, NullIfEmpty(request.ActorUserId), NullIfEmpty(request.Operation), action, start, end,
            PageTokens.Size(request.PageSize), after, request.Purpose.Trim());
    }

    /// <summary>The token that continues after the entry at <paramref name="at"/> with row id <paramref name="id"/>.</summary>
    public static string Token(DateTimeOffset at, long id) =>
        PageTokens.Encode(string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}:{id}"));

    /// <summary>
    /// Administrators and auditors only. Entries record no region, so an auditor can be limited to nothing narrower than the whole
    /// log: only a province-level auditor may read it (DOMAIN.md section 1: auditors are provincial supervision).
    /// </summary>
    public static void Authorise(Caller caller)
    {
        caller.Require(Roles.Administrator, Roles.Auditor);
        if (caller.IsInRole(Roles.Auditor) && !IsProvinceLevel(caller.Region))
        {
            throw new AccessDeniedException("Only a province-level auditor may read the audit log (entries carry no region).",
                "只有省级审计人员可以查阅审计日志。");
        }
    }

    private static bool IsProvinceLevel(string? region) => region is { Length: 6 } && region.EndsWith("0000", StringComparison.Ordinal);

    private static (DateTimeOffset, long)? DecodeToken(string token, List<FieldViolation> violations)
    {
        string? key;
        try
        {
            key = PageTokens.Decode(token);
        }
        catch (ValidationFailedException)
        {
            key = "?";
        }
        if (key is null)
        {
            return null;
        }
        var parts = key.Split(':');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        violations.Add(new FieldViolation("page_token", "Not a page token this service issued."));
        return null;
    }

    private static Common.Auditing.AuditAction? Invalid(List<FieldViolation> violations, string field, string description)
    {
        violations.Add(new FieldViolation(field, description));
        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
