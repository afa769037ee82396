using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// Counts of a region, computed by the database: families by status (and in care per county), children aided now by school stage,
/// amounts disbursed per fund and aid year, visits done and missed per campaign and county. Aggregates only, so no audit row.
/// </summary>
public sealed class CareStatistics(FamilyCareDbContext db)
{
    private static readonly VisitStatus[] Done = [VisitStatus.Visited, VisitStatus.FollowedUp];

    public async Task<StatisticsSummary> ComputeAsync(Caller caller, string region, int? year, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare, region);
        var prefix = RegionCodes.ScopePrefix(region);
        var families = db.Families.AsNoTracking().Where(f => f.Region.StartsWith(prefix));

        var byStatus = await families.GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var inCare = await families.Where(f => f.Status == FamilyStatus.Enrolled).GroupBy(f => f.Region)
            .Select(g => new { g.Key, Count = g.Count() }).OrderBy(x => x.Key).ToListAsync(cancellationToken);

        var aided = await db.AidCases.AsNoTracking()
            .Where(a => AidLifecycle.Aided.Contains(a.Status) && families.Any(f => f.Id == a.FamilyId))
            .GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() }).OrderBy(x => x.Key).ToListAsync(cancellationToken);

        var payments = db.AidCases.AsNoTracking()
            .Where(a => families.Any(f => f.Id == a.FamilyId))
            .SelectMany(a => a.Disbursements, (a, d) => new { FundId = d.FundId ?? a.FundId, d.AidYear, d.Amount });
        if (year is { } y)
        {
            payments = payments.Where(p => p.AidYear == y);
        }
        var paid = await payments.GroupBy(p => new { p.FundId, p.AidYear })
            .Select(g => new { g.Key.FundId, g.Key.AidYear, Amount = g.Sum(p => p.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var fundIds = paid.Where(p => p.FundId != null).Select(p => p.FundId!.Value).Distinct().ToList();
        var funds = await db.Funds.AsNoTracking().Where(f => fundIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);

        var visits = db.Visits.AsNoTracking().Where(v => v.Region.StartsWith(prefix));
        if (year is { } vy)
        {
            var (from, to) = (new DateOnly(vy, 1, 1), new DateOnly(vy + 1, 1, 1));
            visits = visits.Where(v => v.ScheduledDate >= from && v.ScheduledDate < to);
        }
        var done = await visits
            .Where(v => Done.Contains(v.Status) || (v.Status == VisitStatus.Closed && v.Outcome != null) || v.Status == VisitStatus.Missed)
            .GroupBy(v => new { v.CampaignId, v.Kind, v.Region, v.Status })
            .Select(g => new { g.Key.CampaignId, g.Key.Kind, g.Key.Region, Missed = g.Key.Status == VisitStatus.Missed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var campaignIds = done.Where(v => v.CampaignId != null).Select(v => v.CampaignId!.Value).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

        return new StatisticsSummary(
            byStatus,
            [.. inCare.Select(x => (x.Key, x.Count))],
            [.. aided.Select(x => (x.Key, x.Count))],
            [.. paid.Where(p => p.FundId is { } id && funds.ContainsKey(id))
                .Select(p => (funds[p.FundId!.Value], p.AidYear, p.Amount, p.Count))
                .OrderBy(p => p.Item1.Name, StringComparer.Ordinal).ThenBy(p => p.Item1.Id).ThenBy(p => p.AidYear)],
            [.. done.GroupBy(v => (v.CampaignId, v.Kind, v.Region))
                .Select(g => (g.Key.CampaignId is { } c ? campaigns.GetValueOrDefault(c) : null, g.Key.Kind, g.Key.Region,
                    g.Where(x => !x.Missed).Sum(x => x.Count), g.Where(x => x.Missed).Sum(x => x.Count)))
                .OrderBy(v => v.Item1?.StartsOn ?? DateOnly.MaxValue).ThenBy(v => v.Item1?.Id).ThenBy(v => v.Kind).ThenBy(v => v.Region, StringComparer.Ordinal)]);
    }
}
