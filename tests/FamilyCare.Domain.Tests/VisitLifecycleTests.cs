using DonationRegistry.Common.Errors;
using DonationRegistry.FamilyCare.Domain.Visits;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

public sealed class VisitLifecycleTests
{
    private static readonly Dictionary<(VisitStatus, VisitTrigger), VisitStatus> Expected = new()
    {
        [(VisitStatus.Planned, VisitTrigger.Schedule)] = VisitStatus.Scheduled,
        [(VisitStatus.Planned, VisitTrigger.Close)] = VisitStatus.Closed,
        [(VisitStatus.Scheduled, VisitTrigger.Schedule)] = VisitStatus.Scheduled,
        [(VisitStatus.Scheduled, VisitTrigger.RecordVisited)] = VisitStatus.Visited,
        [(VisitStatus.Scheduled, VisitTrigger.RecordMissed)] = VisitStatus.Missed,
        [(VisitStatus.Scheduled, VisitTrigger.Close)] = VisitStatus.Closed,
        [(VisitStatus.Missed, VisitTrigger.Schedule)] = VisitStatus.Scheduled,
        [(VisitStatus.Missed, VisitTrigger.Close)] = VisitStatus.Closed,
        [(VisitStatus.Visited, VisitTrigger.RecordFollowUp)] = VisitStatus.FollowedUp,
        [(VisitStatus.Visited, VisitTrigger.Close)] = VisitStatus.Closed,
        [(VisitStatus.FollowedUp, VisitTrigger.Close)] = VisitStatus.Closed,
    };

    public static TheoryData<VisitStatus, VisitTrigger> AllPairs()
    {
        var data = new TheoryData<VisitStatus, VisitTrigger>();
        foreach (var state in Enum.GetValues<VisitStatus>())
        {
            foreach (var trigger in Enum.GetValues<VisitTrigger>())
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_ForEveryStateAndTrigger_FollowsTheDomainTable(VisitStatus state, VisitTrigger trigger)
    {
        var current = state;
        var machine = VisitLifecycle.For(() => current, s => current = s);

        if (Expected.TryGetValue((state, trigger), out var next))
        {
            machine.Fire(trigger);
            Assert.Equal(next, current);
            Assert.Contains(trigger, VisitLifecycle.AllowedIn(state));
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => machine.Fire(trigger));
            Assert.Equal(state.ToString(), ex.State);
            Assert.Equal(state, current);
            Assert.DoesNotContain(trigger, VisitLifecycle.AllowedIn(state));
        }
    }
}
