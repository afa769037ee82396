using System.Globalization;
using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>Reads of organ donation cases; every read names its purpose and is audited before the data is returned.</summary>
public sealed class OrganCaseQueries(OrganDbContext db, AuditLog audit)
{
    public async Task<OrganDonationCase> GetAsync(Caller caller, Guid id, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadCases);
        AuditLog.RequirePurpose(purpose);
        var donationCase = await db.OrganCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("OrganCase", ResourceNames.OrganCase(id), "案例不存在。");
        AccessPolicy.RequireCase(caller, Operation.ReadCases, donationCase);
        audit.Read("GetOrganCase", AuditSubjects.OrganCase, [donationCase.Id], caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return donationCase;
    }

    /// <summary>The cases the caller's organisation covers, newest first; the page is audited as read.</summary>
    public async Task<(IReadOnlyList<OrganDonationCase> Page, string? Next)> ListAsync(Caller caller, OrganCaseStatus? state, int pageSize,
        string? pageToken, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadCases);
        AuditLog.RequirePurpose(purpose);
        var size = PageTokens.Size(pageSize);
        var query = db.OrganCases.AsNoTracking();
        if (caller.Role == Roles.OrganCoordinator && caller.OrgType == AccessPolicy.HospitalOrgType)
        {
            query = query.Where(c => c.HospitalId == caller.OrgId);
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
        if (PageTokens.Decode(pageToken) is { } key)
        {
            var (at, id) = ParseKey(key);
            query = query.Where(c => c.ReferredAt < at || (c.ReferredAt == at && c.Id.CompareTo(id) < 0));
        }
        var page = await query.OrderByDescending(c => c.ReferredAt).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            var last = page[^1];
            next = PageTokens.Encode(string.Create(CultureInfo.InvariantCulture, $"{last.ReferredAt.UtcTicks}|{last.Id}"));
        }
        if (page.Count > 0)
        {
            audit.Read("ListOrganCases", AuditSubjects.OrganCase, page.Select(c => c.Id), caller.ToActor(), purpose!);
            await db.SaveChangesAsync(cancellationToken);
        }
        return (page, next);
    }

    private static (DateTimeOffset At, Guid Id) ParseKey(string key)
    {
        var parts = key.Split('|');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && Guid.TryParse(parts[1], out var id) && ticks is >= 0 and <= 3155378975999999999)
        {
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        throw new ValidationFailedException("page_token", "Not a page token this service issued.");
    }
}
