using System.Globalization;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Domain.Planning;
using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// Accepts a proposed (possibly edited) week plan in one transaction. The team's members (and every staff member the plan books) are
/// locked first (transaction-scoped advisory locks, in id order), then the week is read again: if its etag differs from the
/// proposal's, something changed since (a booking, a due item) and the call is ABORTED. Every visit is then re-checked by
/// <see cref="PlanAcceptance"/>; one broken rule refuses the whole plan and nothing is written.
/// </summary>
public sealed class WeekPlanAcceptance(FamilyCareDbContext db, UnitOfWork unitOfWork, AuditLog audit, CareClock clock,
    PlanningQueries planning, VisitCommands visits)
{
    public async Task<IReadOnlyList<Visit>> AcceptAsync(Caller caller, DateOnly weekStart, IReadOnlyList<string> team, string etag,
        IReadOnlyList<PlanEntry> entries, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageVisits);
        try
        {
            return await unitOfWork.RunAsync(async ct =>
            {
                foreach (var staffId in team.Concat(entries.SelectMany(e => e.StaffIds)).Distinct().Order(StringComparer.Ordinal))
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"familycare-staff:" + staffId}))", ct);
                }
                var state = await planning.WeekAsync(caller, weekStart, team, ct);
                if (!string.Equals(state.Etag, etag, StringComparison.Ordinal))
                {
                    throw Stale(weekStart);
                }
                var accepted = await ResolveAsync(caller, entries, ct);
                var staffIds = entries.SelectMany(e => e.StaffIds).Distinct().ToList();
                var visitIds = accepted.Select(a => a.Visit.Id).ToList();
                var weekEnd = weekStart.AddDays(7);
                var rows = await db.Bookings
                    .Where(b => (staffIds.Contains(b.StaffId) && b.Date >= weekStart && b.Date < weekEnd) || visitIds.Contains(b.VisitId))
                    .ToListAsync(ct);
                var taken = PlanAcceptance.ScheduleAll(accepted, rows.Select(b => b.ToBooking()), clock.Now);
                // Rescheduled visits give up the bookings they held; the plan's bookings are added (kept where unchanged).
                db.Bookings.RemoveRange(rows.Where(r => visitIds.Contains(r.VisitId) && !taken.Contains(r.ToBooking())));
                foreach (var booking in taken.Where(t => !rows.Any(r => r.ToBooking() == t)))
                {
                    db.Bookings.Add(new StaffBooking(booking.StaffId, booking.Slot.Date, booking.Slot.Slot, booking.VisitId));
                }
                foreach (var a in accepted)
                {
                    audit.Changed("AcceptWeekPlan", AuditSubjects.Visit, a.Visit.Id, caller.ToActor(),
                        $"week {weekStart:yyyy-MM-dd}: {a.Slot} {string.Join(",", a.Staff.Select(s => s.Id))}");
                }
                return (IReadOnlyList<Visit>)[.. accepted.Select(a => a.Visit)];
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A single ScheduleVisit (which takes no plan lock) booked one of the slots meanwhile.
            throw Stale(weekStart);
        }
    }

    /// <summary>The visit each entry schedules: the named one (a missed or planned visit of that family), or a new one.</summary>
    private async Task<List<AcceptedVisit>> ResolveAsync(Caller caller, IReadOnlyList<PlanEntry> entries, CancellationToken ct)
    {
        var familyIds = entries.Select(e => e.FamilyId).Distinct().ToList();
        var families = await db.Families.AsNoTracking().Where(f => familyIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var staff = (await visits.StaffAsync([.. entries.SelectMany(e => e.StaffIds).Distinct()], ct)).ToDictionary(s => s.Id);
        var named = entries.Where(e => e.VisitId is not null).Select(e => e.VisitId!.Value).ToList();
        var existing = await db.Visits.Where(v => named.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var campaignIds = entries.Where(e => e.VisitId is null && e.CampaignId is not null).Select(e => e.CampaignId!.Value).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var inCampaigns = await db.Visits.AsNoTracking()
            .Where(v => v.CampaignId != null && campaignIds.Contains(v.CampaignId.Value) && familyIds.Contains(v.FamilyId))
            .Select(v => new { v.FamilyId, v.CampaignId }).ToListAsync(ct);

        var accepted = new List<AcceptedVisit>();
        foreach (var entry in entries)
        {
            var family = families.GetValueOrDefault(entry.FamilyId) ?? throw FamilyCommands.NotFound(entry.FamilyId);
            CareAccess.Require(caller, Operation.ManageVisits, family.Region);
            Visit visit;
            if (entry.VisitId is { } visitId)
            {
                visit = existing.GetValueOrDefault(visitId) ?? throw VisitCommands.VisitNotFound(visitId);
                if (visit.FamilyId != family.Id)
                {
                    throw new ValidationFailedException($"visits[{entry.Index}].visit", "The visit belongs to another family.");
                }
            }
            else
            {
                if (family.Status != FamilyStatus.Enrolled)
                {
                    throw new Domain.CareRuleException(Domain.CareRules.FamilyNotEnrolled,
                        $"visits[{entry.Index}] (family {family.Id}): the family is {family.Status}, not enrolled.",
                        $"第 {entry.Index + 1} 项：该家庭尚未登记入册（未同意关爱）。");
                }
                var kind = CampaignKind.Routine;
                if (entry.CampaignId is { } campaignId)
                {
                    kind = (campaigns.GetValueOrDefault(campaignId)
                        ?? throw new NotFoundException(Names.Campaigns, campaignId.ToString(), "未找到该活动。")).Kind;
                    if (inCampaigns.Any(v => v.FamilyId == family.Id && v.CampaignId == campaignId))
                    {
                        throw new DuplicateException($"visits[{entry.Index}] (family {family.Id}) already has a visit in campaign {campaignId}.",
                            $"第 {entry.Index + 1} 项：该家庭在本次活动中已有走访安排。");
                    }
                }
                visit = Visit.Plan(Guid.CreateVersion7(), family.Id, family.Region, family.CivilAffairsAssistance, kind, entry.CampaignId);
                db.Visits.Add(visit);
            }
            accepted.Add(new AcceptedVisit(entry.Index, visit, entry.Slot, [.. entry.StaffIds.Select(id => staff[id])]));
        }
        return accepted;
    }

    private static ConcurrentEditException Stale(DateOnly weekStart) =>
        new("weekPlans", weekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "本周计划依据的数据已变化（待办或排班），请重新生成计划。");
}
