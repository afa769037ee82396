using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>
/// Accepting a (possibly edited) week plan as a whole: every visit is checked against the scheduling rules — against the bookings
/// already held and those taken by the plan's earlier visits, so two visits of one plan cannot double-book either — plus one visit
/// per family per plan and per campaign. The first broken rule refuses the whole plan, naming the visit as <c>visits[i]</c>.
/// </summary>
public static class PlanAcceptance
{
    /// <summary>Schedules every visit or none; returns the bookings the plan takes.</summary>
    public static IReadOnlyList<Booking> ScheduleAll(IReadOnlyList<AcceptedVisit> visits, IEnumerable<Booking> existing, DateTimeOffset at)
    {
        var bookings = existing.ToList();
        var families = new Dictionary<Guid, int>();
        var taken = new List<Booking>();
        foreach (var accepted in visits)
        {
            var visit = accepted.Visit;
            if (families.TryGetValue(visit.FamilyId, out var earlier))
            {
                throw new DuplicateException(
                    $"{Label(accepted)}: family {visit.FamilyId} is already visited by visits[{earlier}] of this plan.",
                    $"第 {accepted.Index + 1} 项：该家庭在本周计划中已有走访。");
            }
            families[visit.FamilyId] = accepted.Index;
            if (!VisitLifecycle.AllowedIn(visit.Status).Contains(VisitTrigger.Schedule))
            {
                throw new CareRuleException(CareRules.VisitNotSchedulable,
                    $"{Label(accepted)}: visit {visit.Id} is {visit.Status} and cannot be scheduled.", $"第 {accepted.Index + 1} 项：该走访当前状态不能安排。");
            }
            if (SchedulingRules.Check(visit.Id, visit.Region, accepted.Slot, accepted.Staff, bookings) is [var broken, ..])
            {
                throw new CareRuleException(broken.Rule, $"{Label(accepted)}: {broken.Rule}: {broken.Message}", $"第 {accepted.Index + 1} 项：" + broken.Rule switch
                {
                    CareRules.StaffDoubleBooked => "该工作人员在此时段已有走访安排。",
                    CareRules.StaffOutsideRegion => "该工作人员不负责该家庭所在地区。",
                    CareRules.StaffListedTwice => "同一工作人员重复列出。",
                    _ => "走访须至少安排一名工作人员。",
                });
            }
            visit.Schedule(accepted.Slot, accepted.Staff, bookings, at);
            // A rescheduled visit gives up the bookings it held; the plan's later visits may take them.
            bookings.RemoveAll(b => b.VisitId == visit.Id);
            var mine = visit.Bookings().ToList();
            bookings.AddRange(mine);
            taken.AddRange(mine);
        }
        return taken;
    }

    private static string Label(AcceptedVisit accepted) => $"visits[{accepted.Index}] (family {accepted.Visit.FamilyId})";
}
