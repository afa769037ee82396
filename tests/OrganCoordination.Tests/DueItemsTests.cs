using DonationRegistry.OrganCoordination.V1;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// ListDueItems on a service whose clock the test sets: overdue steps by the configured expected durations, tissue windows closing,
/// each item naming the role that must act; every caller sees what lies in their reach.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class DueItemsTests(OrganFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 8, 3, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListDueItems_WithAFixedClock_ShowsOverdueStepsAndClosingWindowsForWhoeverMustAct()
    {
        var (steps, organ, coordinatorToken) = await ClockedSteps.AtAsync(fixture, Start);
        var host = await fixture.ClockedOrganAsync();
        var referred = await organ.ReferAsync();
        var cornea = await steps.CreateTissueAsync(TissueKind.Cornea, sinceDeath: TimeSpan.FromHours(2));
        fixture.Clock.Advance(TimeSpan.FromHours(3));

        var forCoordinator = await fixture.Overview(coordinatorToken, host).ListDueItemsAsync(new ListDueItemsRequest());
        var forBank = await fixture.Overview(await fixture.UnitStaffTokenAsync(OrganFixture.EyeBank), host)
            .ListDueItemsAsync(new ListDueItemsRequest { OnlyMine = true });
        var coordinatorsOwn = await fixture.Overview(coordinatorToken, host).ListDueItemsAsync(new ListDueItemsRequest { OnlyMine = true });

        var organItem = forCoordinator.Items.Single(i => i.Case == referred.Name);
        Assert.True(organItem.Overdue);
        Assert.Equal("Referred", organItem.State);
        Assert.Equal(Common.Roles.OrganCoordinator, organItem.WaitingFor);
        Assert.Equal(Start.AddHours(2), organItem.DueTime.ToDateTimeOffset());
        Assert.Contains("RecordRegistryCheck", organItem.NextActions);
        var tissueItem = forCoordinator.Items.Single(i => i.Case == cornea.Name);
        Assert.True(tissueItem.TissueWindowClosing);
        Assert.False(tissueItem.TissueWindowBreached);
        Assert.Equal(TimeSpan.FromHours(1), tissueItem.TissueTimeLeft.ToTimeSpan());
        Assert.Equal(Common.Roles.ReceivingUnitStaff, tissueItem.WaitingFor);
        Assert.Contains(forBank.Items, i => i.Case == cornea.Name);
        Assert.DoesNotContain(forBank.Items, i => i.Case == referred.Name);
        Assert.DoesNotContain(coordinatorsOwn.Items, i => i.Case == cornea.Name);
        Assert.Contains(coordinatorsOwn.Items, i => i.Case == referred.Name);
    }

    [Fact]
    public async Task ListDueItems_UrgentOnly_LeavesOutStepsStillOnTime()
    {
        var (_, organ, coordinatorToken) = await ClockedSteps.AtAsync(fixture, Start.AddDays(1));
        var host = await fixture.ClockedOrganAsync();
        var onTime = await organ.ReferAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));

        var all = await fixture.Overview(coordinatorToken, host).ListDueItemsAsync(new ListDueItemsRequest());
        var urgent = await fixture.Overview(coordinatorToken, host).ListDueItemsAsync(new ListDueItemsRequest { UrgentOnly = true });

        Assert.False(all.Items.Single(i => i.Case == onTime.Name).Overdue);
        Assert.DoesNotContain(urgent.Items, i => i.Case == onTime.Name);
        Assert.All(urgent.Items, i => Assert.True(i.Overdue || i.TissueWindowClosing || i.TissueWindowBreached));
    }
}
