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
    public async Task<WeekPlan> ProposeAsync(Caller caller, DateOnly weekStart, IReadOnlyList<string> staffIds,
        IReadOnlyList<(string StaffId, DateOnly Date, TimeSlot? Slot)> unavailable, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageVisits);
        var region = caller.Region ?? "";
        CareAccess.Require(caller, Operation.ManageVisits, region);
        var staff = await visits.StaffAsync(staffIds, cancellationToken);
        foreach (var member in staff.Where(m => !CareAccess.Covers(caller, m.Region) && !RegionCodes.Contains(m.Region, region)))
        {
            throw new AccessDeniedException($"Staff member {member.Id} works in {member.Region}, outside your region.", "该工作人员不在您所属地区。");
        }
        var weekEnd = weekStart.AddDays(7);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => staffIds.Contains(b.StaffId) && b.Date >= weekStart && b.Date < weekEnd).ToListAsync(cancellationToken);
        var team = staff.DistinctBy(m => m.Id).Select(m => new PlannerStaff(m,
            [.. Enumerable.Range(0, 5).Select(weekStart.AddDays)
                .SelectMany(day => TimeSlots.All.Select(slot => new VisitSlot(day, slot)))
                .Where(s => !unavailable.Any(u => u.StaffId == m.Id && u.Date == s.Date && (u.Slot is null || u.Slot == s.Slot)))])).ToList();
        var due = await DueAsync(caller, region, weekStart.AddDays(4), cancellationToken);
        return AutoPlanner.Propose(new AutoPlanInput(weekStart, team, due, [.. bookings.Select(b => b.ToBooking())]));
    }
}
