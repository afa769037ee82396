using DonationRegistry.Common;

namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>
/// What is waiting for one organisation and role (DOMAIN.md section 3, "Due lists"): steps to complete (overdue when older than the
/// city's expected duration), follow-up visits due this week and overdue ones. Suspended, cancelled and closed cases have no
/// waiting step; follow-up visits stay due after the case closed. Pure: <paramref name="now"/> is passed in.
/// </summary>
public static class DueList
{
    public static IReadOnlyList<DueItem> For(IEnumerable<CollectionCase> cases, Actor who, DateTimeOffset now,
        Func<string, CollectionPolicy> policyForCity)
    {
        var today = ShanghaiDate.Of(now);
        var weekEnd = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7) - 1);
        var items = new List<DueItem>();
        foreach (var c in cases)
        {
            if (c.PartyOf(who) is not { } party)
            {
                continue;
            }
            if (c.WaitingFor == party)
            {
                var expected = policyForCity(c.CityRegion).ExpectedDuration(c.Status);
                var by = expected is { } d ? c.StepStartedAt + d : (DateTimeOffset?)null;
                items.Add(new DueItem(c.Id, by < now ? DueItemKind.StepOverdue : DueItemKind.StepWaiting, c.Status, party,
                    c.StepStartedAt, by, null, null));
            }
            if (party == CaseParty.LocalRedCross && c.Status != CollectionCaseStatus.Cancelled)
            {
                foreach (var visit in c.FollowUps.Where(f => !f.IsRecorded && f.DueOn <= weekEnd))
                {
                    items.Add(new DueItem(c.Id, visit.DueOn < today ? DueItemKind.FollowUpOverdue : DueItemKind.FollowUpDueThisWeek,
                        CollectionCaseStatus.FollowUp, party, null, null, visit.Day, visit.DueOn));
                }
            }
        }
        return [.. items.OrderBy(i => i.Kind is DueItemKind.StepOverdue or DueItemKind.FollowUpOverdue ? 0 : 1)
            .ThenBy(i => i.DueOn?.ToDateTime(TimeOnly.MinValue) ?? i.ExpectedBy?.UtcDateTime ?? DateTime.MaxValue)];
    }
}
