using DonationRegistry.FamilyCare.Domain.Planning;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

public sealed class DueListTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23); // quarter from 2026-10-01, term from 2026-08-01

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "2026-09-30", true)]
    [InlineData(true, "2026-10-01", false)]
    [InlineData(false, null, false)]
    public void Compute_ForElders_DueWhenNotVisitedThisQuarter(bool hasElders, string? lastVisited, bool due)
    {
        var family = new CareFamilySnapshot(Guid.NewGuid(), "330106", hasElders, Parse(lastVisited));

        var items = DueList.Compute(new DueListInput([family], [], []), AsOf);

        Assert.Equal(due, items.Any(i => i.Kind == DueKind.ElderNotVisitedThisQuarter));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("2026-07-31", true)]
    [InlineData("2026-08-01", false)]
    public void Compute_ForAidedChildren_DueWhenNotReviewedThisTerm(string? lastReviewed, bool due)
    {
        var aid = new AidedChildSnapshot(Guid.NewGuid(), Guid.NewGuid(), "330106", Parse(lastReviewed));

        var items = DueList.Compute(new DueListInput([], [aid], []), AsOf);

        Assert.Equal(due, items.Any(i => i.Kind == DueKind.ChildNotReviewedThisTerm && i.SubjectId == aid.AidId));
    }

    [Theory]
    [InlineData(null, "2026-11-23", DueKind.FollowUpDue)]
    [InlineData(null, "2026-11-24", null)]
    [InlineData("2026-11-01", null, DueKind.MissedVisitToReplan)]
    public void Compute_ForOpenVisits_ListsFollowUpsAndMissedVisits(string? missed, string? followUp, DueKind? kind)
    {
        var visit = new OpenVisitSnapshot(Guid.NewGuid(), Guid.NewGuid(), "330106", Parse(missed), Parse(followUp));

        var items = DueList.Compute(new DueListInput([], [], [visit]), AsOf);

        Assert.Equal(kind, items.SingleOrDefault()?.Kind);
    }

    [Fact]
    public void For_ByStaffRegion_KeepsOnlyItemsInside()
    {
        DueItem[] items =
        [
            new(Guid.NewGuid(), "330106", DueKind.FollowUpDue, AsOf, null),
            new(Guid.NewGuid(), "330105", DueKind.FollowUpDue, AsOf, null),
            new(Guid.NewGuid(), "330206", DueKind.FollowUpDue, AsOf, null),
        ];

        Assert.Single(DueList.For(items, "330106"));
        Assert.Equal(2, DueList.For(items, "330100").Count);
        Assert.Equal(3, DueList.For(items, "330000").Count);
    }

    private static DateOnly? Parse(string? day) =>
        day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
}
