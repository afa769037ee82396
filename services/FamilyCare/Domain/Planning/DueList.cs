using DonationRegistry.FamilyCare.Domain.Aid;

namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>
/// The due list of DOMAIN.md section 5 as a pure function: elderly not visited this (calendar) quarter, aided children not reviewed
/// this school term, follow-ups whose date has come, missed visits to re-plan. Sorted most pressing first, deterministically.
/// </summary>
public static class DueList
{
    public static IReadOnlyList<DueItem> Compute(DueListInput input, DateOnly asOf)
    {
        var quarterStart = new DateOnly(asOf.Year, ((asOf.Month - 1) / 3 * 3) + 1, 1);
        var termStart = SchoolTerm.Containing(asOf).StartsOn;
        var items = new List<DueItem>();
        foreach (var family in input.Families)
        {
            if (family.HasElders && (family.LastVisitedOn is not { } last || last < quarterStart))
            {
                items.Add(new DueItem(family.FamilyId, family.Region, DueKind.ElderNotVisitedThisQuarter, quarterStart, null));
            }
        }
        foreach (var aid in input.AidedChildren)
        {
            if (aid.LastReviewedOn is not { } last || last < termStart)
            {
                items.Add(new DueItem(aid.FamilyId, aid.Region, DueKind.ChildNotReviewedThisTerm, termStart, aid.AidId));
            }
        }
        foreach (var visit in input.OpenVisits)
        {
            if (visit.MissedOn is { } missed)
            {
                items.Add(new DueItem(visit.FamilyId, visit.Region, DueKind.MissedVisitToReplan, missed, visit.VisitId));
            }
            else if (visit.FollowUpOn is { } followUp && followUp <= asOf)
            {
                items.Add(new DueItem(visit.FamilyId, visit.Region, DueKind.FollowUpDue, followUp, visit.VisitId));
            }
        }
        return Sort(items);
    }

    /// <summary>The items a staff member or a region's team may take: those inside <paramref name="region"/>.</summary>
    public static IReadOnlyList<DueItem> For(IEnumerable<DueItem> items, string region) =>
        [.. items.Where(i => RegionCodes.Contains(region, i.Region))];

    internal static IReadOnlyList<DueItem> Sort(IEnumerable<DueItem> items) =>
        [.. items.OrderBy(i => i.DueSince).ThenBy(i => i.Kind).ThenBy(i => i.FamilyId).ThenBy(i => i.SubjectId)];
}
