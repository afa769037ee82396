using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Registration points: create (idempotent by request id, code "RP-{region}-{seq:0000}" per region), read, list within the
/// caller's scope, update with a field mask and etag, lifecycle transitions and staff. Every change is audited in its transaction.
/// </summary>
public sealed class PointCommands(RegistrationDbContext db, AuditLog audit, TimeProvider clock)
{
    private readonly UnitOfWork _unitOfWork = new(db);

    /// <summary>Fields UpdateRegistrationPoint may change (paths of update_mask).</summary>
    public static IReadOnlyList<string> UpdatableFields { get; } =
        ["display_name", "host_organisation", "kind", "address", "contact_phone", "services"];

    public async Task<RegistrationPoint> CreateAsync(Caller caller, Guid requestId, PointDetails details, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManagePoints);
        details.Validate();
        AccessPolicy.RequireRegion(caller, Operation.ManagePoints, details.RegionCode);
        if (await FindByRequestAsync(requestId, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        try
        {
            return await _unitOfWork.RunAsync(async ct =>
            {
                var code = await NextCodeAsync(details.RegionCode, ct);
                var actor = caller.ToActor();
                var point = new RegistrationPoint(Guid.CreateVersion7(), code, details, actor, clock.GetUtcNow()) { RequestId = requestId };
                db.Points.Add(point);
                audit.Changed("CreateRegistrationPoint", AuditSubjects.Point, point.Id, actor);
                return point;
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex, "RequestId"))
        {
            // The same request ran concurrently and committed first: answer as the first call did.
            db.ChangeTracker.Clear();
            return await FindByRequestAsync(requestId, cancellationToken) ?? throw new InvalidOperationException("Lost the created point.", ex);
        }
    }

    public async Task<RegistrationPoint> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadPoints);
        var point = await db.Points.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw NotFound(id);
        AccessPolicy.Require(caller, Operation.ReadPoints, point);
        return point;
    }

    /// <summary>One page of points the caller may see, ordered by code; the key of the next page, or null on the last.</summary>
    public async Task<(IReadOnlyList<RegistrationPoint> Points, string? NextPageToken)> ListAsync(Caller caller, string? regionCode,
        PointKind? kind, PointStatus? status, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadPoints);
        var size = PageTokens.Size(pageSize);
        var after = PageTokens.Decode(pageToken);
        IQueryable<RegistrationPoint> query = db.Points.AsNoTracking();
        if (caller.Role == Common.Roles.RegistrationClerk)
        {
            query = query.Where(p => p.Staff.Any(s => s.UserId == caller.Subject) || p.Code == caller.OrgId);
        }
        else
        {
            var prefix = AccessPolicy.RegionPrefix(caller);
            if (prefix is null)
            {
                return ([], null);
            }
            query = query.Where(p => p.RegionCode.StartsWith(prefix));
        }
        if (!string.IsNullOrEmpty(regionCode))
        {
            if (!RegionCodes.IsWellFormed(regionCode))
            {
                throw new ValidationFailedException("region_code", "A six-digit GB/T 2260 code is required.");
            }
            var filter = RegionCodes.ScopePrefix(regionCode);
            query = query.Where(p => p.RegionCode.StartsWith(filter));
        }
        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }
        if (after is not null)
        {
            // Translated to SQL ("Code" > @after); the column's collation orders the codes (ASCII only).
#pragma warning disable CA1309
            query = query.Where(p => string.Compare(p.Code, after) > 0);
#pragma warning restore CA1309
        }
        var page = await query.OrderBy(p => p.Code).Take(size + 1).ToListAsync(cancellationToken);
        return page.Count > size
            ? (page[..size], PageTokens.Encode(page[size - 1].Code))
            : (page, null);
    }

    /// <summary>Changes the fields named in <paramref name="mask"/> (an empty mask means all updatable fields) to their values in
    /// <paramref name="values"/>; the region cannot change.</summary>
    public async Task<RegistrationPoint> UpdateAsync(Caller caller, Guid id, string? etag, IReadOnlyCollection<string> mask,
        PointDetails values, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManagePoints);
        var unknown = mask.Where(f => !UpdatableFields.Contains(f, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException("update_mask",
                $"Cannot update {string.Join(", ", unknown)}; updatable: {string.Join(", ", UpdatableFields)}.");
        }
        var fields = mask.Count == 0 ? UpdatableFields : mask;
        return await _unitOfWork.RunAsync(async ct =>
        {
            var point = await LoadForChangeAsync(caller, id, ct);
            ETags.Require(db, point, p => p.Version, etag, "point.etag", "Registration point", point.Code);
            var merged = new PointDetails(
                fields.Contains("display_name") ? values.DisplayName : point.DisplayName,
                fields.Contains("host_organisation") ? values.HostOrganisation : point.HostOrganisation,
                fields.Contains("kind") ? values.Kind : point.Kind,
                point.RegionCode,
                fields.Contains("address") ? values.Address : point.Address,
                fields.Contains("contact_phone") ? values.ContactPhone : point.ContactPhone,
                fields.Contains("services") ? values.Services : point.Services);
            point.Update(merged);
            audit.Changed("UpdateRegistrationPoint", AuditSubjects.Point, point.Id, caller.ToActor());
            return point;
        }, cancellationToken);
    }

    public Task<RegistrationPoint> TransitionAsync(Caller caller, Guid id, PointTrigger trigger, string? reason, string? etag,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManagePoints);
        if (!Enum.IsDefined(trigger))
        {
            throw new ValidationFailedException("trigger", "An action (AUTHORISE, ACTIVATE, SUSPEND, RESUME, CLOSE) is required.");
        }
        if (reason is { Length: > 500 })
        {
            throw new ValidationFailedException("reason", "At most 500 characters.");
        }
        return _unitOfWork.RunAsync(async ct =>
        {
            var point = await LoadForChangeAsync(caller, id, ct);
            ETags.Require(db, point, p => p.Version, etag, "etag", "Registration point", point.Code);
            var actor = caller.ToActor();
            point.Transition(trigger, actor, reason, clock.GetUtcNow());
            audit.Changed("TransitionRegistrationPoint:" + trigger, AuditSubjects.Point, point.Id, actor);
            return point;
        }, cancellationToken);
    }

    public Task<RegistrationPoint> AssignStaffAsync(Caller caller, Guid id, string userId, CancellationToken cancellationToken) =>
        ChangeStaffAsync(caller, id, "AssignStaff", p => p.AssignStaff(userId?.Trim() ?? ""), cancellationToken);

    public Task<RegistrationPoint> RemoveStaffAsync(Caller caller, Guid id, string userId, CancellationToken cancellationToken) =>
        ChangeStaffAsync(caller, id, "RemoveStaff", p => p.RemoveStaff(userId?.Trim() ?? ""), cancellationToken);

    private Task<RegistrationPoint> ChangeStaffAsync(Caller caller, Guid id, string operation, Action<RegistrationPoint> change,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManagePoints);
        return _unitOfWork.RunAsync(async ct =>
        {
            var point = await LoadForChangeAsync(caller, id, ct);
            change(point);
            audit.Changed(operation, AuditSubjects.Point, point.Id, caller.ToActor());
            return point;
        }, cancellationToken);
    }

    private async Task<RegistrationPoint> LoadForChangeAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var point = await db.Points.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        AccessPolicy.Require(caller, Operation.ManagePoints, point);
        return point;
    }

    private Task<RegistrationPoint?> FindByRequestAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.Points.AsNoTracking().FirstOrDefaultAsync(p => p.RequestId == requestId, cancellationToken);

    /// <summary>The next code of the region: serialised per region by a transaction-scoped advisory lock, so two creates in the
    /// same region never pick the same number (the unique index on the code would catch it anyway).</summary>
    private async Task<string> NextCodeAsync(string regionCode, CancellationToken cancellationToken)
    {
        var prefix = $"RP-{regionCode}-";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({prefix}))", cancellationToken);
        var last = await db.Points.Where(p => p.Code.StartsWith(prefix)).OrderByDescending(p => p.Code).Select(p => p.Code)
            .FirstOrDefaultAsync(cancellationToken);
        var next = last is null ? 1
            : int.TryParse(last.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n + 1
                // A code of another shape (hand-made data): fall back to the count, the unique index still guards the result.
                : await db.Points.CountAsync(p => p.Code.StartsWith(prefix), cancellationToken) + 1;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{next:0000}");
    }

    internal static bool IsUniqueViolation(DbUpdateException exception, string constraintPart) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (pg.ConstraintName?.Contains(constraintPart, StringComparison.Ordinal) ?? false);

    private static NotFoundException NotFound(Guid id) => new("Registration point", ResourceNames.Point(id), "未找到该登记点。");
}
