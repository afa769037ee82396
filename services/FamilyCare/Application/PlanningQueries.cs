using System.Globalization;
using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Domain.Planning;
using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>Reads the plain inputs of <see cref="DueList"/> and <see cref="AutoPlanner"/> from the database; the rules stay pure.</summary>
public sealed class PlanningQueries(FamilyCareDbContext db, VisitCommands visits)
{
    private static readonly VisitStatus[] Done = [VisitStatus.Visited, VisitStatus.FollowedUp];

    public async Task<IReadOnlyList<DueItem>> DueAsync(Caller caller, string region, DateOnly asOf, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare, region);
        var prefix = RegionCodes.ScopePrefix(region);
        var families = await db.Families.AsNoTracking()
            .Where(f => f.Status == FamilyStatus.Enrolled && f.Region.StartsWith(prefix))
            .Select(f => new CareFamilySnapshot(f.Id, f.Region, f.Elders.Any(),
                db.Visits.Where(v => v.FamilyId == f.Id && (Done.Contains(v.Status) || (v.Status == VisitStatus.Closed && v.Outcome != null)))
                    .Max(v => v.ScheduledDate)))
            .ToListAsync(cancellationToken);
        var aided = await (from a in db.AidCases.AsNoTracking()
                           join f in db.Families.AsNoTracking() on a.FamilyId equals f.Id
                           where AidLifecycle.Aided.Contains(a.Status) && f.Region.StartsWith(prefix)
                           select new AidedChildSnapshot(a.Id, a.FamilyId, f.Region, a.LastReviewedOn)).ToListAsync(cancellationToken);
        var open = await db.Visits.AsNoTracking()
            .Where(v => v.Region.StartsWith(prefix) &&
                        (v.Status == VisitStatus.Missed || (v.Status == VisitStatus.Visited && v.Outcome!.FollowUpOn != null)))
            .Select(v => new OpenVisitSnapshot(v.Id, v.FamilyId, v.Region,
                v.Status == VisitStatus.Missed ? v.ScheduledDate ?? asOf : null,
                v.Status == VisitStatus.Visited ? v.Outcome!.FollowUpOn : null))
            .ToListAsync(cancellationToken);
        return DueList.Compute(new DueListInput(families, aided, open), asOf);
    }

    /// <summary>
    /// Proposes the week starting <paramref name="weekStart"/> for <paramref name="staffIds"/>: every weekday slot counts as available
    /// except the given unavailabilities and the slots the staff already hold. Nothing is written.
    /// </summary>
    public async Task<(WeekPlan Plan, WeekState State)> ProposeAsync(Caller caller, DateOnly weekStart, IReadOnlyList<string> staffIds,
        IReadOnlyList<(string StaffId, DateOnly Date, TimeSlot? Slot)> unavailable, CancellationToken cancellationToken)
    {
        var state = await WeekAsync(caller, weekStart, staffIds, cancellationToken);
        var team = state.Team.Select(m => new PlannerStaff(m,
            [.. Enumerable.Range(0, 5).Select(weekStart.AddDays)
                .SelectMany(day => TimeSlots.All.Select(slot => new VisitSlot(day, slot)))
                .Where(s => !unavailable.Any(u => u.StaffId == m.Id && u.Date == s.Date && (u.Slot is null || u.Slot == s.Slot)))])).ToList();
        return (AutoPlanner.Propose(new AutoPlanInput(weekStart, team, state.Due, state.Bookings)), state);
    }

    /// <summary>Reads what a plan of the caller's region for <paramref name="staffIds"/> in the week is based on (see <see cref="WeekState"/>).</summary>
    public async Task<WeekState> WeekAsync(Caller caller, DateOnly weekStart, IReadOnlyList<string> staffIds, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageVisits);
        var region = caller.Region ?? "";
        CareAccess.Require(caller, Operation.ManageVisits, region);
        var staff = await visits.StaffAsync(staffIds, cancellationToken);
        foreach (var member in staff.Where(m => !CareAccess.Covers(caller, m.Region) && !RegionCodes.Contains(m.Region, region)))
        {
            throw new AccessDeniedException($"Staff member {member.Id} works in {member.Region}, outside your region.", "该工作人员不在您所属地区。");
        }
        var team = staff.DistinctBy(m => m.Id).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var weekEnd = weekStart.AddDays(7);
        var bookings = (await db.Bookings.AsNoTracking()
                .Where(b => staffIds.Contains(b.StaffId) && b.Date >= weekStart && b.Date < weekEnd).ToListAsync(cancellationToken))
            .Select(b => b.ToBooking())
            .OrderBy(b => b.StaffId, StringComparer.Ordinal).ThenBy(b => b.Slot).ThenBy(b => b.VisitId).ToList();
        var prefix = RegionCodes.ScopePrefix(region);
        // A family with a visit already scheduled is being taken care of: it is not proposed again.
        var scheduled = (await db.Visits.AsNoTracking().Where(v => v.Region.StartsWith(prefix) && v.Status == VisitStatus.Scheduled)
            .Select(v => v.FamilyId).ToListAsync(cancellationToken)).ToHashSet();
        var due = (await DueAsync(caller, region, weekStart.AddDays(4), cancellationToken)).Where(i => !scheduled.Contains(i.FamilyId)).ToList();
        var dueFamilies = due.Select(i => i.FamilyId).Distinct().ToList();
        var planned = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Planned && dueFamilies.Contains(v.FamilyId))
            .Select(v => new { v.FamilyId, v.Id }).ToListAsync(cancellationToken);
        var plannedOf = planned.GroupBy(v => v.FamilyId).ToDictionary(g => g.Key, g => g.Min(v => v.Id));
        return new WeekState(team, bookings, due, plannedOf, Etag(weekStart, team, bookings, due, plannedOf));
    }

    private static string Etag(DateOnly weekStart, IEnumerable<StaffMember> team, IEnumerable<Booking> bookings, IEnumerable<DueItem> due,
        IReadOnlyDictionary<Guid, Guid> plannedOf)
    {
        var text = new System.Text.StringBuilder().Append(CultureInfo.InvariantCulture, $"{weekStart:yyyy-MM-dd}\n");
        foreach (var m in team)
        {
            text.Append(CultureInfo.InvariantCulture, $"s {m.Id} {m.Region}\n");
        }
        foreach (var b in bookings)
        {
            text.Append(CultureInfo.InvariantCulture, $"b {b.StaffId} {b.Slot} {b.VisitId}\n");
        }
        foreach (var i in due)
        {
            text.Append(CultureInfo.InvariantCulture, $"d {i.FamilyId} {i.Kind} {i.DueSince:yyyy-MM-dd} {i.SubjectId}\n");
        }
        foreach (var (family, visit) in plannedOf.OrderBy(p => p.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"p {family} {visit}\n");
        }
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
