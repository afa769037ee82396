using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>
/// Proposes a week's visits for a team from the due list. Pure and deterministic: the same input gives the same plan.
/// <list type="bullet">
/// <item>One visit per family settles all of its due items; families are taken most pressing first (earliest due, then kind).</item>
/// <item>Each staff member's free slots (available, not already booked) are filled one visit per slot, one staff member per visit,
/// only with families of districts inside the staff member's region — so nobody is double-booked or sent outside their region.</item>
/// <item>A staff member's day stays in one district while it has due families (the one with most left when the day starts), to cut
/// travel; only when it runs dry does the day move on to the next district.</item>
/// <item>Staff whose regions reach fewer districts are planned first. Regions nest (county ⊂ city ⊂ province), so this greedy order
/// fills the largest possible number of slots: every due family that fits the team's capacity in its district is covered.</item>
/// </list>
/// </summary>
public static class AutoPlanner
{
    public static WeekPlan Propose(AutoPlanInput input)
    {
        var families = input.Due
            .GroupBy(i => i.FamilyId)
            .Select(g => DueList.Sort(g))
            .OrderBy(items => items[0].DueSince).ThenBy(items => items[0].Kind).ThenBy(items => items[0].FamilyId)
            .ToList();
        var queues = new SortedDictionary<string, Queue<IReadOnlyList<DueItem>>>(StringComparer.Ordinal);
        foreach (var items in families)
        {
            var district = items[0].Region;
            if (!queues.TryGetValue(district, out var queue))
            {
                queues[district] = queue = new Queue<IReadOnlyList<DueItem>>();
            }
            queue.Enqueue(items);
        }

        var weekEnd = input.WeekStart.AddDays(7);
        var booked = input.ExistingBookings.Select(b => (b.StaffId, b.Slot)).ToHashSet();
        var days = input.Team
            .DistinctBy(s => s.Member.Id)
            .SelectMany(s => s.Available
                .Where(slot => slot.Date >= input.WeekStart && slot.Date < weekEnd && !booked.Contains((s.Member.Id, slot)))
                .Distinct()
                .GroupBy(slot => slot.Date)
                .Select(g => (Staff: s.Member, Date: g.Key, Slots: g.Order().ToList())))
            .Select(d => (d.Staff, d.Date, d.Slots, Reach: queues.Keys.Count(d.Staff.Serves)))
            .OrderBy(d => d.Reach).ThenBy(d => d.Date).ThenBy(d => d.Staff.Id, StringComparer.Ordinal)
            .ToList();

        var proposals = new List<ProposedVisit>();
        foreach (var (staff, _, slots, _) in days)
        {
            foreach (var slot in slots)
            {
                // Stay in the district with most left (ties by code); a dry district drops out, so the day moves on only when needed.
                var district = queues
                    .Where(q => q.Value.Count > 0 && staff.Serves(q.Key))
                    .OrderByDescending(q => q.Value.Count).ThenBy(q => q.Key, StringComparer.Ordinal)
                    .Select(q => q.Key)
                    .FirstOrDefault();
                if (proposals.Count > 0 && proposals[^1] is { } previous && previous.StaffIds[0] == staff.Id &&
                    previous.Slot.Date == slot.Date && queues[previous.District].Count > 0)
                {
                    district = previous.District;
                }
                if (district is null)
                {
                    break;
                }
                var items = queues[district].Dequeue();
                proposals.Add(new ProposedVisit(items[0].FamilyId, district, slot, [staff.Id], items));
            }
        }

        var unplanned = DueList.Sort(queues.Values.SelectMany(q => q).SelectMany(items => items));
        var ordered = proposals.OrderBy(p => p.Slot).ThenBy(p => p.StaffIds[0], StringComparer.Ordinal).ToList();
        return new WeekPlan(ordered, unplanned);
    }
}
