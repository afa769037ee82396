using DonationRegistry.OrganCoordination.V1;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Tissue time windows from death on a service whose clock the test sets (<see cref="OrganFixture.Clock"/>): cornea 6 h, 12 h when
/// death falls in winter; brain tissue aim 2 h, deadline 8 h — shown as time left, breaches flagged, frozen at recovery.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class TissueWindowTests(OrganFixture fixture)
{
    private static readonly DateTimeOffset Summer = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Winter = new(2027, 1, 15, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 11)]
    public async Task GetTissueCase_ForACornea_ShowsTimeLeftFromDeathAndFlagsTheBreachOnceItPassed(bool winter, int hoursLeft)
    {
        var (steps, _, _) = await ClockedSteps.AtAsync(fixture, winter ? Winter : Summer);
        var c = await steps.CreateTissueAsync(TissueKind.Cornea, sinceDeath: TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(hoursLeft), c.TimeLeft.ToTimeSpan());
        Assert.False(c.WindowBreached);
        Assert.Equal(c.DeathTime.ToDateTimeOffset().AddHours(hoursLeft + 1), c.Deadline.ToDateTimeOffset());

        fixture.Clock.Advance(TimeSpan.FromHours(hoursLeft) + TimeSpan.FromMinutes(1));
        var later = await (await steps.TissueCoordinatorAsync()).GetTissueCaseAsync(new GetTissueCaseRequest { Name = c.Name, Purpose = DonationSteps.Purpose });

        Assert.Equal(TimeSpan.FromMinutes(-1), later.TimeLeft.ToTimeSpan());
        Assert.True(later.WindowBreached);
    }

    [Fact]
    public async Task GetTissueCase_ForBrainTissue_ShowsTheAimPassedBeforeTheDeadlineAndFreezesAtRecovery()
    {
        var (steps, _, _) = await ClockedSteps.AtAsync(fixture, Summer);
        var c = await steps.CreateTissueAsync(TissueKind.Brain, sinceDeath: TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(7), c.TimeLeft.ToTimeSpan());
        Assert.False(c.PastTarget);

        fixture.Clock.Advance(TimeSpan.FromMinutes(90));
        var recovered = await (await steps.TissueUnitAsync(OrganFixture.BrainBank)).RecoverTissueAsync(new RecoverTissueRequest
        {
            Name = c.Name, Etag = c.Etag, RecoverTime = Timestamp.FromDateTimeOffset(steps.Now), DocumentReference = "RB-1",
        });
        fixture.Clock.Advance(TimeSpan.FromHours(10));
        var later = await (await steps.TissueCoordinatorAsync()).GetTissueCaseAsync(new GetTissueCaseRequest { Name = c.Name, Purpose = DonationSteps.Purpose });

        Assert.True(recovered.PastTarget);
        Assert.False(recovered.WindowBreached);
        Assert.Equal(TimeSpan.FromMinutes(330), recovered.TimeLeft.ToTimeSpan());
        Assert.Equal(TimeSpan.FromMinutes(330), later.TimeLeft.ToTimeSpan());
        Assert.False(later.WindowBreached);
    }

    [Fact]
    public async Task RecoverTissue_AfterTheDeadline_IsRecordedAndFlaggedNotRefused()
    {
        var (steps, _, _) = await ClockedSteps.AtAsync(fixture, Summer);
        var c = await steps.CreateTissueAsync(TissueKind.Cornea, sinceDeath: TimeSpan.FromHours(1));
        fixture.Clock.Advance(TimeSpan.FromHours(6));

        var recovered = await (await steps.TissueUnitAsync(OrganFixture.EyeBank)).RecoverTissueAsync(new RecoverTissueRequest
        {
            Name = c.Name, Etag = c.Etag, RecoverTime = Timestamp.FromDateTimeOffset(steps.Now), DocumentReference = "RC-LATE",
        });

        Assert.Equal(TissueCaseState.Recovered, recovered.State);
        Assert.True(recovered.WindowBreached);
        Assert.Equal(TimeSpan.FromHours(-1), recovered.TimeLeft.ToTimeSpan());
        Assert.Equal("window breached", recovered.Timeline.Single(e => e.Action == "Recovered").Reason);
    }
}
