using System.Globalization;
using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// The list rpcs: visits, campaigns (with progress), staff members, funds (with budgets) and aid cases of a region inside the caller's
/// region, keyset-paged. Lists of visits and aid cases are reads of families' data and are audited, one row per page.
/// </summary>
public sealed class CareLists(FamilyCareDbContext db, AuditLog audit)
{
    private static readonly VisitStatus[] Done = [VisitStatus.Visited, VisitStatus.FollowedUp];

    public async Task<(List<Visit> Visits, string? Next)> VisitsAsync(Caller caller, string region, VisitFilter filter, int pageSize,
        string? pageToken, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare, region);
        var size = PageTokens.Size(pageSize);
        var prefix = RegionCodes.ScopePrefix(region);
        var query = db.Visits.AsNoTracking().Where(v => v.Region.StartsWith(prefix));
        if (filter.StaffId is { } staffId)
        {
            query = query.Where(v => db.Bookings.Any(b => b.VisitId == v.Id && b.StaffId == staffId));
        }
        if (filter.FamilyId is { } familyId)
        {
            query = query.Where(v => v.FamilyId == familyId);
        }
        if (filter.CampaignId is { } campaignId)
        {
            query = query.Where(v => v.CampaignId == campaignId);
        }
        if (filter.From is { } from)
        {
            query = query.Where(v => v.ScheduledDate >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(v => v.ScheduledDate <= to);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(v => v.Status == status);
        }
        // Ordered by date and slot, unscheduled visits last, then id.
        if (Paging.After(pageToken, 3) is [var dayText, var slotText, var idText])
        {
            var day = DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Paging.BadToken();
            var slot = int.TryParse(slotText, CultureInfo.InvariantCulture, out var s) ? s : throw Paging.BadToken();
            var id = Paging.Id(idText);
            query = query.Where(v => (v.ScheduledDate ?? DateOnly.MaxValue) > day ||
                ((v.ScheduledDate ?? DateOnly.MaxValue) == day && ((int?)v.ScheduledSlot ?? 0) > slot) ||
                ((v.ScheduledDate ?? DateOnly.MaxValue) == day && ((int?)v.ScheduledSlot ?? 0) == slot && v.Id.CompareTo(id) > 0));
        }
        var rows = await query.OrderBy(v => v.ScheduledDate ?? DateOnly.MaxValue).ThenBy(v => (int?)v.ScheduledSlot ?? 0).ThenBy(v => v.Id)
            .Take(size + 1).ToListAsync(cancellationToken);
        var (page, next) = Paging.Cut(rows, size, v =>
            FormattableString.Invariant($"{v.ScheduledDate ?? DateOnly.MaxValue:yyyy-MM-dd}|{(int?)v.ScheduledSlot ?? 0}|{v.Id:D}"));
        if (page.Count > 0)
        {
            audit.Read("ListVisits", AuditSubjects.Visit, page.Select(v => v.Id), caller.ToActor(), "visit list");
            await db.SaveChangesAsync(cancellationToken);
        }
        return (page, next);
    }

    public async Task<(List<(Campaign Campaign, CampaignCounts Progress)> Campaigns, string? Next)> CampaignsAsync(Caller caller,
        string region, CampaignKind? kind, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare, region);
        var size = PageTokens.Size(pageSize);
        var prefix = RegionCodes.ScopePrefix(region);
        var above = RegionScope.Above(region);
        var query = db.Campaigns.AsNoTracking().Where(c => c.Region.StartsWith(prefix) || above.Contains(c.Region));
        if (kind is { } k)
        {
            query = query.Where(c => c.Kind == k);
        }
        // Newest first: start date descending, then id.
        if (Paging.After(pageToken, 2) is [var dayText, var idText])
        {
            var day = DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Paging.BadToken();
            var id = Paging.Id(idText);
            query = query.Where(c => c.StartsOn < day || (c.StartsOn == day && c.Id.CompareTo(id) > 0));
        }
        var rows = await query.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        var (page, next) = Paging.Cut(rows, size, c => FormattableString.Invariant($"{c.StartsOn:yyyy-MM-dd}|{c.Id:D}"));
        var ids = page.Select(c => (Guid?)c.Id).ToList();
        var counts = await db.Visits.AsNoTracking()
            .Where(v => ids.Contains(v.CampaignId) && v.Region.StartsWith(prefix))
            .GroupBy(v => new { v.CampaignId, v.Status })
            .Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var closedAfterVisit = await db.Visits.AsNoTracking()
            .Where(v => ids.Contains(v.CampaignId) && v.Region.StartsWith(prefix) && v.Status == VisitStatus.Closed && v.Outcome != null)
            .GroupBy(v => v.CampaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return ([.. page.Select(c =>
        {
            int Count(VisitStatus status) => counts.Where(x => x.CampaignId == c.Id && x.Status == status).Sum(x => x.Count);
            var visitedThenClosed = closedAfterVisit.Where(x => x.CampaignId == c.Id).Sum(x => x.Count);
            return (c, new CampaignCounts(Count(VisitStatus.Planned), Count(VisitStatus.Scheduled),
                Count(VisitStatus.Visited) + Count(VisitStatus.FollowedUp) + visitedThenClosed, Count(VisitStatus.Missed),
                Count(VisitStatus.Closed) - visitedThenClosed));
        })], next);
    }

    public async Task<(List<StaffMember> Staff, string? Next)> StaffAsync(Caller caller, string region, int pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        if (!CareAccess.May(caller.Role, Operation.ManageStaff))
        {
            CareAccess.Require(caller, Operation.ReadCare);
        }
        if (!CareAccess.Covers(caller, region))
        {
            throw new AccessDeniedException($"Region {region} lies outside your region {caller.Region ?? "(none)"}.", "该地区不在您所属地区范围内。");
        }
        var size = PageTokens.Size(pageSize);
        var prefix = RegionCodes.ScopePrefix(region);
        var above = RegionScope.Above(region);
        var query = db.Staff.AsNoTracking().Where(s => s.Region.StartsWith(prefix) || above.Contains(s.Region));
        if (Paging.After(pageToken, 1) is [var after])
        {
            query = query.Where(s => s.Id.CompareTo(after) > 0);
        }
        var rows = await query.OrderBy(s => s.Id).Take(size + 1).ToListAsync(cancellationToken);
        return Paging.Cut(rows, size, s => s.Id);
    }

    public async Task<(List<(AidFund Fund, List<FundBudget> Budgets)> Funds, string? Next)> FundsAsync(Caller caller, string region,
        int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare, region);
        var size = PageTokens.Size(pageSize);
        var prefix = RegionCodes.ScopePrefix(region);
        var above = RegionScope.Above(region);
        var query = db.Funds.AsNoTracking().Where(f => f.Region.StartsWith(prefix) || above.Contains(f.Region));
        if (Paging.After(pageToken, 1) is [var after])
        {
            var id = Paging.Id(after);
            query = query.Where(f => f.Id.CompareTo(id) > 0);
        }
        var rows = await query.OrderBy(f => f.Id).Take(size + 1).ToListAsync(cancellationToken);
        var (page, next) = Paging.Cut(rows, size, f => f.Id.ToString("D"));
        var ids = page.Select(f => f.Id).ToList();
        var budgets = await db.Budgets.AsNoTracking().Where(b => ids.Contains(b.FundId)).OrderBy(b => b.Year).ToListAsync(cancellationToken);
        return ([.. page.Select(f => (f, budgets.Where(b => b.FundId == f.Id).ToList()))], next);
    }

    public async Task<(List<StudentAid> Cases, string? Next)> AidCasesAsync(Caller caller, string region, Guid? familyId, Guid? fundId,
        AidStatus? status, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare, region);
        var size = PageTokens.Size(pageSize);
        var prefix = RegionCodes.ScopePrefix(region);
        var query = db.AidCases.AsNoTracking()
            .Where(a => db.Families.Any(f => f.Id == a.FamilyId && f.Region.StartsWith(prefix)));
        if (familyId is { } family)
        {
            query = query.Where(a => a.FamilyId == family);
        }
        if (fundId is { } fund)
        {
            query = query.Where(a => a.FundId == fund);
        }
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        if (Paging.After(pageToken, 1) is [var after])
        {
            var id = Paging.Id(after);
            query = query.Where(a => a.Id.CompareTo(id) > 0);
        }
        var rows = await query.OrderBy(a => a.Id).Take(size + 1).ToListAsync(cancellationToken);
        var (page, next) = Paging.Cut(rows, size, a => a.Id.ToString("D"));
        if (page.Count > 0)
        {
            audit.Read("ListAidCases", AuditSubjects.AidCase, page.Select(a => a.Id), caller.ToActor(), "student aid list");
            await db.SaveChangesAsync(cancellationToken);
        }
        return (page, next);
    }
}
