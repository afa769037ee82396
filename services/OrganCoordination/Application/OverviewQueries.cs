using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.BodyCases;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using DonationRegistry.OrganCoordination.Domain.Overview;
using DonationRegistry.OrganCoordination.Domain.TissueCases;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// Across all case kinds: the due list (open cases the caller covers, through the pure <see cref="DueList"/>) and the statistics
/// (through the pure <see cref="DonationStatistics"/>). Neither returns personal data: ids, states, times and counts only.
/// </summary>
public sealed class OverviewQueries(OrganDbContext db, DueListOptions dueOptions, TimeProvider clock)
{
    private static readonly OrganCaseStatus[] OrganEnded = [OrganCaseStatus.Completed, OrganCaseStatus.Closed];
    private static readonly BodyCaseStatus[] BodyEnded = [BodyCaseStatus.Memorialised, BodyCaseStatus.Rejected];
    private static readonly TissueCaseStatus[] TissueEnded = [TissueCaseStatus.Memorialised, TissueCaseStatus.Declined];

    public async Task<IReadOnlyList<DueItem>> DueItemsAsync(Caller caller, bool onlyMine, bool urgentOnly, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadDueItems);
        var snapshots = new List<CaseSnapshot>();
        var prefix = AccessPolicy.RegionPrefix(caller) ?? "-";
        var byOrg = caller.Role == Roles.OrganCoordinator && caller.OrgType == AccessPolicy.HospitalOrgType;
        var unitStaff = caller.Role == Roles.ReceivingUnitStaff;
        if (!unitStaff)
        {
            var organ = db.OrganCases.AsNoTracking().Where(c => !OrganEnded.Contains(c.Status));
            organ = byOrg ? organ.Where(c => c.HospitalId == caller.OrgId) : organ.Where(c => c.RegionCode.StartsWith(prefix));
            snapshots.AddRange((await organ.ToListAsync(cancellationToken)).Select(c => new CaseSnapshot(DonationKind.Organ, c.Id,
                c.Status.ToString(), Since(c.Timeline, c.ReferredAt), c.RegionCode, c.HospitalId, null,
                [.. c.AllowedTriggers.Select(t => t.ToString())])));
        }
        var body = db.BodyCases.AsNoTracking().Where(c => !BodyEnded.Contains(c.Status));
        body = unitStaff ? body.Where(c => c.ReceivingUnit == caller.OrgId)
            : byOrg ? body.Where(c => c.OrgId == caller.OrgId) : body.Where(c => c.RegionCode.StartsWith(prefix));
        snapshots.AddRange((await body.ToListAsync(cancellationToken)).Select(c => new CaseSnapshot(DonationKind.Body, c.Id,
            c.Status.ToString(), Since(c.Timeline, c.NotifiedAt), c.RegionCode, c.OrgId, c.ReceivingUnit,
            [.. c.AllowedTriggers.Select(t => t.ToString())])));
        var tissue = db.TissueCases.AsNoTracking().Where(c => !TissueEnded.Contains(c.Status));
        tissue = unitStaff ? tissue.Where(c => c.Bank == caller.OrgId)
            : byOrg ? tissue.Where(c => c.OrgId == caller.OrgId) : tissue.Where(c => c.RegionCode.StartsWith(prefix));
        snapshots.AddRange((await tissue.ToListAsync(cancellationToken)).Select(c => new CaseSnapshot(TissueCaseCommands.DonationOf(c.Kind), c.Id,
            c.Status.ToString(), Since(c.Timeline, c.NotifiedAt), c.RegionCode, c.OrgId, c.Bank,
            [.. c.AllowedTriggers.Select(t => t.ToString())], c.Deadline)));
        var items = DueList.For(snapshots, dueOptions, clock.GetUtcNow());
        return
        [
            .. items.Where(i => !onlyMine || i.WaitingFor == caller.Role)
                .Where(i => !urgentOnly || i.Overdue || i.TissueWindowClosing || i.TissueWindowBreached),
        ];
    }

    /// <summary>The statistics inside the caller's scope (administrators: everywhere), optionally one year and one region.</summary>
    public async Task<IReadOnlyList<StatisticsRow>> StatisticsAsync(Caller caller, int year, string? regionCode, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadStatistics);
        Require.That(year == 0 || year is >= 2000 and <= 2100, "year", "A year between 2000 and 2100, or 0 for every year.", "年份应在 2000–2100 之间。");
        var scope = caller.Role == Roles.Administrator ? "33" : AccessPolicy.RegionPrefix(caller) ?? "-";
        if (!string.IsNullOrEmpty(regionCode))
        {
            Require.That(RegionCodes.IsZhejiang(regionCode), "region_code", "A six-digit GB/T 2260 region code of Zhejiang is required.",
                "请填写六位行政区划代码。");
            AccessPolicy.RequireRegion(caller, Operation.ReadStatistics, regionCode);
            scope = RegionCodes.ScopePrefix(regionCode);
        }
        var records = new List<DonationRecord>();
        records.AddRange((await db.OrganCases.AsNoTracking().Where(c => c.RegionCode.StartsWith(scope)).ToListAsync(cancellationToken))
            .Select(c => new DonationRecord(DonationKind.Organ, c.RegionCode, c.ReferredAt,
                c.Status == OrganCaseStatus.Completed ? CaseOutcome.Donated : c.Status == OrganCaseStatus.Closed ? CaseOutcome.Closed : CaseOutcome.Open,
                c.ClosureReason?.ToString(),
                c.Outcomes.Count(o => o.Kind == OrganOutcomeKind.Transplanted),
                c.Outcomes.Count(o => o.Kind == OrganOutcomeKind.Discarded),
                c.Outcomes.Count(o => o.Kind == OrganOutcomeKind.NotRecovered))));
        records.AddRange((await db.BodyCases.AsNoTracking().Where(c => c.RegionCode.StartsWith(scope)).ToListAsync(cancellationToken))
            .Select(c => new DonationRecord(DonationKind.Body, c.RegionCode, c.NotifiedAt,
                c.Status == BodyCaseStatus.Rejected ? CaseOutcome.Closed
                : c.Status is BodyCaseStatus.DeathNotified or BodyCaseStatus.HandoverAgreed ? CaseOutcome.Open : CaseOutcome.Donated,
                c.RejectionReason?.ToString())));
        records.AddRange((await db.TissueCases.AsNoTracking().Where(c => c.RegionCode.StartsWith(scope)).ToListAsync(cancellationToken))
            .Select(c => new DonationRecord(TissueCaseCommands.DonationOf(c.Kind), c.RegionCode, c.NotifiedAt,
                c.Status == TissueCaseStatus.Declined ? CaseOutcome.Closed
                : c.Status == TissueCaseStatus.DeathNotified ? CaseOutcome.Open : CaseOutcome.Donated,
                c.DeclineReason?.ToString())));
        return [.. DonationStatistics.Compute(records).Where(r => year == 0 || r.Year == year)];
    }

    private static DateTimeOffset Since(IReadOnlyList<TimelineEntry> timeline, DateTimeOffset opened) =>
        timeline.Count == 0 ? opened : timeline.Max(e => e.At);
}
