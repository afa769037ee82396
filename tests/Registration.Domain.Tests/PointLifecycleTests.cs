using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Domain.Points;
using Xunit;

namespace DonationRegistry.Registration.Domain.Tests;

public sealed class PointLifecycleTests
{
    /// <summary>The whole table of DOMAIN.md section 2: every (state, trigger) pair and where it leads, or null when illegal.</summary>
    public static TheoryData<PointStatus, PointTrigger, PointStatus?> Table()
    {
        var expected = new Dictionary<(PointStatus, PointTrigger), PointStatus>
        {
            [(PointStatus.Proposed, PointTrigger.Authorise)] = PointStatus.Authorised,
            [(PointStatus.Authorised, PointTrigger.Activate)] = PointStatus.Active,
            [(PointStatus.Active, PointTrigger.Suspend)] = PointStatus.Suspended,
            [(PointStatus.Suspended, PointTrigger.Resume)] = PointStatus.Active,
            [(PointStatus.Proposed, PointTrigger.Close)] = PointStatus.Closed,
            [(PointStatus.Authorised, PointTrigger.Close)] = PointStatus.Closed,
            [(PointStatus.Active, PointTrigger.Close)] = PointStatus.Closed,
            [(PointStatus.Suspended, PointTrigger.Close)] = PointStatus.Closed,
        };
        var data = new TheoryData<PointStatus, PointTrigger, PointStatus?>();
        foreach (var state in Enum.GetValues<PointStatus>())
        {
            foreach (var trigger in Enum.GetValues<PointTrigger>())
            {
                data.Add(state, trigger, expected.TryGetValue((state, trigger), out var next) ? next : null);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Next_ForEveryStateAndTrigger_FollowsTheDomainTable(PointStatus state, PointTrigger trigger, PointStatus? expected)
    {
        if (expected is { } next)
        {
            Assert.Equal(next, PointLifecycle.Next(state, trigger));
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => PointLifecycle.Next(state, trigger));
            Assert.Equal(state.ToString(), ex.State);
            Assert.Contains(state.ToString(), ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToMermaid_WhenRendered_NamesEveryTransition()
    {
        var diagram = PointLifecycle.ToMermaid();

        Assert.StartsWith("stateDiagram-v2", diagram, StringComparison.Ordinal);
        Assert.Contains("Active --> Suspended : Suspend", diagram, StringComparison.Ordinal);
        Assert.Contains("Suspended --> Active : Resume", diagram, StringComparison.Ordinal);
    }
}
