using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Collection;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>Reads of collection cases (each audited with the caller's purpose), due lists and statistics.</summary>
public sealed class CollectionQueries(HscDbContext db, AuditLog audit, CollectionClock clock, IOptions<CollectionOptions> options)
{
    /// <summary>At most this many open cases are scanned for one due list.</summary>
    public const int DueListCap = 2000;

    public async Task<CollectionCase> GetAsync(Caller caller, Guid id, string? purpose, CancellationToken cancellationToken)
    {
        CollectionAccess.RequireCaseRole(caller);
        AuditLog.RequirePurpose(purpose);
        var c = await db.CollectionCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new NotFoundException("CollectionCase", CollectionNames.Case(id), "未找到该采集案例。");
        CollectionAccess.RequireRead(caller, c);
        audit.Read("GetCollectionCase", CollectionNames.AuditSubject, [c.Id], caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return c;
    }

    /// <summary>A page of the caller's cases, newest first (ids are UUIDv7, so id order is opening order).</summary>
    public async Task<(IReadOnlyList<CollectionCase> Page, Guid? Next)> ListAsync(Caller caller, CollectionCaseStatus? status, string? cityRegion,
        int donationYear, bool internationalOnly, bool secondOnly, int pageSize, Guid? before, string? purpose, CancellationToken cancellationToken)
    {
        CollectionAccess.RequireCaseRole(caller);
        AuditLog.RequirePurpose(purpose);
        var query = CollectionAccess.Visible(db, caller).AsNoTracking();
        if (!string.IsNullOrEmpty(cityRegion))
        {
            if (!RegionCodes.IsWellFormed(cityRegion))
            {
                throw new ValidationFailedException("city_region", "Expected a six-digit GB/T 2260 code.", "地区代码格式不正确。");
            }
            query = query.Where(c => c.CityRegion == cityRegion);
        }
        // Years outside 1900–2999 are typing slips; year 1 or 9999 also broke the date arithmetic (INTERNAL, found by the fuzzer).
        if (donationYear is < 0 or (> 0 and < 1900) or > 2999)
        {
            throw new ValidationFailedException("donation_year", "A year between 1900 and 2999, or 0 for any.");
        }
        if (donationYear > 0)
        {
            var from = ShanghaiDate.StartOf(new DateOnly(donationYear, 1, 1));
            var to = ShanghaiDate.StartOf(new DateOnly(donationYear + 1, 1, 1));
            query = query.Where(c => c.DonatedAt >= from && c.DonatedAt < to);
        }
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        if (internationalOnly)
        {
            query = query.Where(c => c.International);
        }
        if (secondOnly)
        {
            query = query.Where(c => c.SecondOfCaseId != null);
        }
        if (before is { } b)
        {
            query = query.Where(c => c.Id.CompareTo(b) < 0);
        }
        var rows = await query.OrderByDescending(c => c.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        audit.Read("ListCollectionCases", CollectionNames.AuditSubject, page.Select(c => c.Id), caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return (page, rows.Count > pageSize ? page[^1].Id : null);
    }

    /// <summary>What is waiting for the caller's party now (<see cref="DueList"/> over the caller's open cases).</summary>
    public async Task<IReadOnlyList<DueItem>> DueItemsAsync(Caller caller, CancellationToken cancellationToken)
    {
        CollectionAccess.RequireCaseRole(caller);
        var open = CollectionProcedure.Steps.Append(CollectionCaseStatus.Closed).ToArray();
        var cases = await CollectionAccess.Visible(db, caller).AsNoTracking()
            .Where(c => open.Contains(c.Status))
            .Where(c => c.Status != CollectionCaseStatus.Closed || c.FollowUps.Any(f => f.VisitedOn == null))
            .OrderBy(c => c.Id).Take(DueListCap).ToListAsync(cancellationToken);
        return DueList.For(cases, caller.ToActor(), clock.Now, options.Value.PolicyFor);
    }

    /// <summary>Donations per city and year in the caller's region (coordinators: their city).</summary>
    public async Task<IReadOnlyList<CollectionStatisticsRow>> StatisticsAsync(Caller caller, int year, string? cityRegion,
        CancellationToken cancellationToken)
    {
        caller.Require([.. CollectionAccess.StatisticsRoles]);
        if (!RegionCodes.IsWellFormed(caller.Region))
        {
            throw new AccessDeniedException("Your account names no region.", "您的账户没有所属地区。");
        }
        if (year is < 0 or (> 0 and < 1900) or > 2999)
        {
            throw new ValidationFailedException("year", "A year between 1900 and 2999, or 0 for every year.");
        }
        var prefix = RegionCodes.ScopePrefix(caller.Region!);
        var query = db.CollectionCases.AsNoTracking().Where(c => c.DonatedAt != null && c.CityRegion.StartsWith(prefix));
        if (!string.IsNullOrEmpty(cityRegion))
        {
            if (!RegionCodes.IsWellFormed(cityRegion))
            {
                throw new ValidationFailedException("city_region", "Expected a six-digit GB/T 2260 code.", "地区代码格式不正确。");
            }
            if (!cityRegion.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new AccessDeniedException($"You may not read statistics of {cityRegion}.", "您无权查看该地区的统计。");
            }
            query = query.Where(c => c.CityRegion == cityRegion);
        }
        var donations = await query
            .Select(c => new { c.CityRegion, DonatedAt = c.DonatedAt!.Value, c.International, Second = c.SecondOfCaseId != null, c.Independent })
            .ToListAsync(cancellationToken);
        return [.. donations
            .Select(d => (d.CityRegion, Year: ShanghaiDate.Of(d.DonatedAt).Year, d.International, d.Second, d.Independent))
            .Where(d => year == 0 || d.Year == year)
            .GroupBy(d => (d.CityRegion, d.Year))
            .OrderBy(g => g.Key.CityRegion).ThenBy(g => g.Key.Year)
            .Select(g => new CollectionStatisticsRow(g.Key.CityRegion, g.Key.Year, g.Count(), g.Count(d => d.International),
                g.Count(d => d.Second), g.Count(d => d.Independent)))];
    }
}
