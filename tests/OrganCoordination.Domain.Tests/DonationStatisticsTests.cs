using DonationRegistry.OrganCoordination.Domain.Overview;
using Xunit;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class DonationStatisticsTests
{
    private static readonly DateTimeOffset In2020 = new(2020, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset In2021 = new(2021, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_ForMixedCases_CountsByYearCityKindOutcomeAndReason()
    {
        DonationRecord[] records =
        [
            new(DonationKind.Organ, "330106", In2020, CaseOutcome.Donated, null, 2, 1, 0),
            new(DonationKind.Organ, "330102", In2020, CaseOutcome.Closed, "FamilyDeclined"),
            new(DonationKind.Organ, "330102", In2020, CaseOutcome.Closed, "FamilyDeclined"),
            new(DonationKind.Organ, "330106", In2020, CaseOutcome.Open),
            new(DonationKind.Body, "330106", In2020, CaseOutcome.Donated),
            new(DonationKind.Cornea, "330203", In2020, CaseOutcome.Closed, "WindowMissed"),
            new(DonationKind.Cornea, "330106", In2021, CaseOutcome.Donated),
        ];

        var rows = DonationStatistics.Compute(records);

        var organ = rows.Single(r => r is { Year: 2020, RegionCode: "330100", Donation: DonationKind.Organ });
        Assert.Equal((4, 1, 1, 2), (organ.Cases, organ.Donations, organ.Open, organ.Closed));
        Assert.Equal(2, organ.ClosedByReason["FamilyDeclined"]);
        Assert.Equal((2, 1), (organ.OrgansTransplanted, organ.OrgansDiscarded));
        Assert.Equal(1, rows.Single(r => r is { Year: 2020, Donation: DonationKind.Body }).Donations);
        Assert.Equal(1, rows.Single(r => r is { Year: 2020, RegionCode: "330200", Donation: DonationKind.Cornea }).ClosedByReason["WindowMissed"]);
        Assert.Equal(1, rows.Single(r => r is { Year: 2021, Donation: DonationKind.Cornea }).Donations);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void Compute_AtNewYear_CountsTheYearInChinaStandardTime()
    {
        // 2020-12-31 17:00 UTC is 2021-01-01 01:00 in Zhejiang.
        var rows = DonationStatistics.Compute([new DonationRecord(DonationKind.Brain, "330100", new DateTimeOffset(2020, 12, 31, 17, 0, 0, TimeSpan.Zero), CaseOutcome.Donated)]);

        Assert.Equal(2021, rows.Single().Year);
    }

    [Fact]
    public void Compute_WhenNothingHappened_IsEmpty() => Assert.Empty(DonationStatistics.Compute([]));
}
