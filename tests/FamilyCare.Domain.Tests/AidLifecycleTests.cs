using DonationRegistry.Common.Errors;
using DonationRegistry.FamilyCare.Domain.Aid;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

public sealed class AidLifecycleTests
{
    /// <summary>Every allowed (state, trigger) pair of DOMAIN.md section 5; everything else must be refused.</summary>
    private static readonly Dictionary<(AidStatus, AidTrigger), AidStatus> Expected = new()
    {
        [(AidStatus.Identified, AidTrigger.Apply)] = AidStatus.Applied,
        [(AidStatus.Applied, AidTrigger.Verify)] = AidStatus.Verified,
        [(AidStatus.Verified, AidTrigger.Approve)] = AidStatus.Approved,
        [(AidStatus.Approved, AidTrigger.Disburse)] = AidStatus.Disbursed,
        [(AidStatus.Disbursed, AidTrigger.Disburse)] = AidStatus.Disbursed,
        [(AidStatus.Disbursed, AidTrigger.BeginAnnualReview)] = AidStatus.AnnualReview,
        [(AidStatus.AnnualReview, AidTrigger.Renew)] = AidStatus.Renewed,
        [(AidStatus.Renewed, AidTrigger.Disburse)] = AidStatus.Disbursed,
        [(AidStatus.Identified, AidTrigger.Exit)] = AidStatus.Exited,
        [(AidStatus.Applied, AidTrigger.Exit)] = AidStatus.Exited,
        [(AidStatus.Verified, AidTrigger.Exit)] = AidStatus.Exited,
        [(AidStatus.Approved, AidTrigger.Exit)] = AidStatus.Exited,
        [(AidStatus.Disbursed, AidTrigger.Exit)] = AidStatus.Exited,
        [(AidStatus.AnnualReview, AidTrigger.Exit)] = AidStatus.Exited,
        [(AidStatus.Renewed, AidTrigger.Exit)] = AidStatus.Exited,
    };

    public static TheoryData<AidStatus, AidTrigger> AllPairs()
    {
        var data = new TheoryData<AidStatus, AidTrigger>();
        foreach (var state in Enum.GetValues<AidStatus>())
        {
            foreach (var trigger in Enum.GetValues<AidTrigger>())
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_ForEveryStateAndTrigger_FollowsTheDomainTable(AidStatus state, AidTrigger trigger)
    {
        var current = state;
        var machine = AidLifecycle.For(() => current, s => current = s);

        if (Expected.TryGetValue((state, trigger), out var next))
        {
            machine.Fire(trigger);
            Assert.Equal(next, current);
            Assert.Contains(trigger, AidLifecycle.AllowedIn(state));
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => machine.Fire(trigger));
            Assert.Equal(state.ToString(), ex.State);
            Assert.Equal(trigger.ToString(), ex.Trigger);
            Assert.Equal(state, current);
            Assert.DoesNotContain(trigger, AidLifecycle.AllowedIn(state));
        }
    }

    [Fact]
    public void AllowedIn_WhenExited_IsEmpty()
    {
        Assert.Empty(AidLifecycle.AllowedIn(AidStatus.Exited));
    }

    [Fact]
    public void ToMermaid_WhenRendered_IsAStateDiagramWithEveryState()
    {
        var diagram = AidLifecycle.ToMermaid();

        Assert.Contains("stateDiagram", diagram, StringComparison.Ordinal);
        foreach (var state in Enum.GetValues<AidStatus>())
        {
            Assert.Contains(state.ToString(), diagram, StringComparison.Ordinal);
        }
    }
}
