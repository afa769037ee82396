using DonationRegistry.Audit.V1;
using DonationRegistry.Common.Auditing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Entry = DonationRegistry.Common.Auditing.AuditEntry;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// The audit-log query of one service over its own database (<c>audit_log</c>, <see cref="AuditLogModel"/>): the same code in
/// every service, mapped by <see cref="AuditTrailExtensions.MapAuditTrail{TContext}"/>. Reading the log is itself audited: one read
/// row per person shown, in the same request, before the page is returned.
/// </summary>
public sealed class AuditTrailService<TContext>(TContext db, AuditLog audit, IHostEnvironment environment) : AuditTrail.AuditTrailBase
    where TContext : DbContext
{
    private readonly string _service = AuditTrailExtensions.ServiceName(environment.ApplicationName);

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        AuditTrailQuery.Authorise(caller);
        var query = AuditTrailQuery.From(request);

        var rows = Filter(db.Set<Entry>().AsNoTracking(), query)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(query.PageSize + 1);
        var page = await rows.ToListAsync(context.CancellationToken);
        var more = page.Count > query.PageSize;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        foreach (var group in page.GroupBy(e => e.SubjectType))
        {
            audit.Read(AuditTrailQuery.ListOperation, group.Key, group.Select(e => e.SubjectId).Distinct(), caller.ToActor(), query.Purpose);
        }
        await db.SaveChangesAsync(context.CancellationToken);

        var response = new ListAuditEntriesResponse { NextPageToken = more ? AuditTrailQuery.Token(page[^1].At, page[^1].Id) : "" };
        response.AuditEntries.AddRange(page.Select(ToMessage));
        return response;
    }

    private static IQueryable<Entry> Filter(IQueryable<Entry> rows, AuditTrailQuery q)
    {
        if (q.SubjectId is { } subject)
        {
            rows = rows.Where(a => a.SubjectId == subject);
        }
        if (q.ActorUserId is { } actor)
        {
            rows = rows.Where(a => a.ActorUserId == actor);
        }
        if (q.Operation is { } operation)
        {
            rows = rows.Where(a => a.Operation == operation);
        }
        if (q.Action is { } action)
        {
            rows = rows.Where(a => a.Action == action);
        }
        if (q.Start is { } start)
        {
            rows = rows.Where(a => a.At >= start);
        }
        if (q.End is { } end)
        {
            rows = rows.Where(a => a.At < end);
        }
        if (q.After is var (at, id))
        {
            rows = rows.Where(a => a.At < at || (a.At == at && a.Id < id));
        }
        return rows;
    }

    private Audit.V1.AuditEntry ToMessage(Entry e) => new()
    {
        Name = "auditEntries/" + e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Service = _service,
        Action = e.Action == Common.Auditing.AuditAction.Read ? Audit.V1.AuditAction.Read : Audit.V1.AuditAction.Change,
        Operation = e.Operation,
        SubjectType = e.SubjectType,
        SubjectId = e.SubjectId.ToString(),
        ActorUserId = e.ActorUserId,
        ActorRole = e.ActorRole,
        ActorOrgId = e.ActorOrgId ?? "",
        Purpose = e.Purpose ?? "",
        Time = Timestamp.FromDateTimeOffset(e.At),
    };
}
