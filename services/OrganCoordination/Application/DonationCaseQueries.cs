using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.BodyCases;
using DonationRegistry.OrganCoordination.Domain.TissueCases;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>Reads of body and tissue cases; every read names its purpose and is audited before the data is returned.</summary>
public sealed class DonationCaseQueries(OrganDbContext db, AuditLog audit)
{
    public async Task<BodyDonationCase> GetBodyAsync(Caller caller, Guid id, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadDonationCases);
        AuditLog.RequirePurpose(purpose);
        var c = await db.BodyCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new NotFoundException("BodyCase", ResourceNames.BodyCase(id), "案例不存在。");
        AccessPolicy.RequireDonationCase(caller, Operation.ReadDonationCases, c.OrgId, c.RegionCode, c.ReceivingUnit);
        audit.Read("GetBodyCase", AuditSubjects.BodyCase, [c.Id], caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return c;
    }

    public async Task<TissueDonationCase> GetTissueAsync(Caller caller, Guid id, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadDonationCases);
        AuditLog.RequirePurpose(purpose);
        var c = await db.TissueCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new NotFoundException("TissueCase", ResourceNames.TissueCase(id), "案例不存在。");
        AccessPolicy.RequireDonationCase(caller, Operation.ReadDonationCases, c.OrgId, c.RegionCode, c.Bank);
        audit.Read("GetTissueCase", AuditSubjects.TissueCase, [c.Id], caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return c;
    }

    /// <summary>The body cases the caller covers, newest first; the page is audited as read.</summary>
    public async Task<(IReadOnlyList<BodyDonationCase> Page, string? Next)> ListBodyAsync(Caller caller, BodyCaseStatus? state, string? unitId,
        int pageSize, string? pageToken, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadDonationCases);
        AuditLog.RequirePurpose(purpose);
        var size = PageTokens.Size(pageSize);
        var key = PageKeys.Decode(pageToken);
        var query = db.BodyCases.AsNoTracking();
        if (caller.Role == Roles.ReceivingUnitStaff)
        {
            query = query.Where(c => c.ReceivingUnit == caller.OrgId);
        }
        else if (caller.Role == Roles.OrganCoordinator && caller.OrgType == AccessPolicy.HospitalOrgType)
        {
            query = query.Where(c => c.OrgId == caller.OrgId);
        }
        else
        {
            var prefix = AccessPolicy.RegionPrefix(caller) ?? "-";
            query = query.Where(c => c.RegionCode.StartsWith(prefix));
        }
        if (state is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        if (unitId is not null)
        {
            query = query.Where(c => c.ReceivingUnit == unitId);
        }
        if (key is { } k)
        {
            query = query.Where(c => c.NotifiedAt < k.At || (c.NotifiedAt == k.At && c.Id.CompareTo(k.Id) < 0));
        }
        var page = await query.OrderByDescending(c => c.NotifiedAt).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            next = PageKeys.Encode(page[^1].NotifiedAt, page[^1].Id);
        }
        if (page.Count > 0)
        {
            audit.Read("ListBodyCases", AuditSubjects.BodyCase, page.Select(c => c.Id), caller.ToActor(), purpose!);
            await db.SaveChangesAsync(cancellationToken);
        }
        return (page, next);
    }

    /// <summary>The tissue cases the caller covers, newest first; the page is audited as read.</summary>
    public async Task<(IReadOnlyList<TissueDonationCase> Page, string? Next)> ListTissueAsync(Caller caller, TissueCaseStatus? state,
        TissueKind? kind, string? unitId, int pageSize, string? pageToken, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadDonationCases);
        AuditLog.RequirePurpose(purpose);
        var size = PageTokens.Size(pageSize);
        var key = PageKeys.Decode(pageToken);
        var query = db.TissueCases.AsNoTracking();
        if (caller.Role == Roles.ReceivingUnitStaff)
        {
            query = query.Where(c => c.Bank == caller.OrgId);
        }
        else if (caller.Role == Roles.OrganCoordinator && caller.OrgType == AccessPolicy.HospitalOrgType)
        {
            query = query.Where(c => c.OrgId == caller.OrgId);
        }
        else
        {
            var prefix = AccessPolicy.RegionPrefix(caller) ?? "-";
            query = query.Where(c => c.RegionCode.StartsWith(prefix));
        }
        if (state is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        if (kind is { } tissue)
        {
            query = query.Where(c => c.Kind == tissue);
        }
        if (unitId is not null)
        {
            query = query.Where(c => c.Bank == unitId);
        }
        if (key is { } k)
        {
            query = query.Where(c => c.NotifiedAt < k.At || (c.NotifiedAt == k.At && c.Id.CompareTo(k.Id) < 0));
        }
        var page = await query.OrderByDescending(c => c.NotifiedAt).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            next = PageKeys.Encode(page[^1].NotifiedAt, page[^1].Id);
        }
        if (page.Count > 0)
        {
            audit.Read("ListTissueCases", AuditSubjects.TissueCase, page.Select(c => c.Id), caller.ToActor(), purpose!);
            await db.SaveChangesAsync(cancellationToken);
        }
        return (page, next);
    }
}
