namespace DonationRegistry.OrganCoordination.Domain.Overview;

/// <summary>
/// The statistics of issue 6 (pure): cases by outcome and closure reason, donations by kind (organ, body, cornea, brain), organs
/// transplanted and discarded, by year and city — the figures of the annual reports (e.g. 2020: 745 bodies, 1,502 corneas, 128
/// brains cumulative) come out of the rows by summing.
/// </summary>
public static class DonationStatistics
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static IReadOnlyList<StatisticsRow> Compute(IEnumerable<DonationRecord> records) =>
    [
        .. records
            .GroupBy(r => (Year: r.OpenedAt.ToOffset(ChinaStandardTime).Year, Region: RegionCodes.CityOf(r.RegionCode), r.Donation))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Donation)
            .Select(g => new StatisticsRow(
                g.Key.Year, g.Key.Region, g.Key.Donation,
                Cases: g.Count(),
                Donations: g.Count(r => r.Outcome == CaseOutcome.Donated),
                Open: g.Count(r => r.Outcome == CaseOutcome.Open),
                Closed: g.Count(r => r.Outcome == CaseOutcome.Closed),
                ClosedByReason: g.Where(r => r.Outcome == CaseOutcome.Closed)
                    .GroupBy(r => r.ClosureReason ?? "Unknown", StringComparer.Ordinal)
                    .OrderBy(x => x.Key, StringComparer.Ordinal)
                    .ToDictionary(x => x.Key, x => x.Count(), StringComparer.Ordinal),
                OrgansTransplanted: g.Sum(r => r.OrgansTransplanted),
                OrgansDiscarded: g.Sum(r => r.OrgansDiscarded),
                OrgansNotRecovered: g.Sum(r => r.OrgansNotRecovered))),
    ];
}
