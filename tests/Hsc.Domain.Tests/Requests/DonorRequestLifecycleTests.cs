using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Requests;
using Xunit;
using S = DonationRegistry.Hsc.Domain.Requests.DonorRequestStatus;
using T = DonationRegistry.Hsc.Domain.Requests.DonorRequestTrigger;

namespace DonationRegistry.Hsc.Domain.Tests.Requests;

/// <summary>Every (state, trigger) pair of the donor request workflow against the table of DOMAIN.md section 3.</summary>
public sealed class DonorRequestLifecycleTests
{
    private static readonly Dictionary<(S, T), S> Expected = Build();

    private static Dictionary<(S, T), S> Build()
    {
        var table = new Dictionary<(S, T), S>
        {
            [(S.Open, T.RecordNoDecision)] = S.Open,
            [(S.Open, T.ConfirmWilling)] = S.Willing,
            [(S.Open, T.GiveUpContact)] = S.ContactFailed,
            [(S.Willing, T.RequestSample)] = S.SampleRequested,
            [(S.SampleRequested, T.ReceiveSample)] = S.SampleReceived,
            [(S.SampleReceived, T.PassConfirmatory)] = S.Passed,
            [(S.SampleReceived, T.FailConfirmatory)] = S.Failed,
            [(S.Passed, T.Select)] = S.Selected,
            [(S.Selected, T.Select)] = S.Selected,
            [(S.Selected, T.StartCollection)] = S.InCollection,
            [(S.InCollection, T.Complete)] = S.Completed,
        };
        foreach (var state in new[] { S.Open, S.Willing, S.SampleRequested, S.SampleReceived, S.Passed, S.Selected })
        {
            table[(state, T.Decline)] = S.Declined;
        }
        foreach (var state in new[] { S.Open, S.Willing, S.SampleRequested, S.SampleReceived, S.Passed, S.Selected, S.InCollection })
        {
            table[(state, T.Cancel)] = S.Cancelled;
        }
        return table;
    }

    public static TheoryData<S, T> AllPairs()
    {
        var data = new TheoryData<S, T>();
        foreach (var state in Enum.GetValues<S>())
        {
            foreach (var trigger in Enum.GetValues<T>())
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_WhenStateAndTriggerCombined_MovesAsTheTableSaysOrRefuses(S state, T trigger)
    {
        var current = state;
        var machine = DonorRequestLifecycle.For(() => current, s => current = s);

        if (Expected.TryGetValue((state, trigger), out var next))
        {
            machine.Fire(trigger);
            Assert.Equal(next, current);
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => machine.Fire(trigger));
            Assert.Equal(state.ToString(), ex.State);
            Assert.Equal(trigger.ToString(), ex.Trigger);
            Assert.Equal(DonorRequestLifecycle.AllowedIn(state).Select(t => t.ToString()).Order(), ex.AllowedTriggers.Order());
            Assert.Equal(state, current);
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void AllowedIn_WhenAsked_AgreesWithTheTable(S state, T trigger)
    {
        Assert.Equal(Expected.ContainsKey((state, trigger)), DonorRequestLifecycle.AllowedIn(state).Contains(trigger));
    }

    [Theory]
    [InlineData(S.Failed)]
    [InlineData(S.Completed)]
    [InlineData(S.Cancelled)]
    [InlineData(S.Declined)]
    [InlineData(S.ContactFailed)]
    public void AllowedIn_WhenFinal_IsEmptyAndTheRequestNoLongerHolds(S state)
    {
        Assert.Empty(DonorRequestLifecycle.AllowedIn(state));
        Assert.DoesNotContain(state, DonorRequestLifecycle.Active);
    }

    [Fact]
    public void ToMermaid_WhenRendered_NamesEveryStateAndTrigger()
    {
        var diagram = DonorRequestLifecycle.ToMermaid();

        foreach (var state in Enum.GetValues<S>())
        {
            Assert.Contains(state.ToString(), diagram, StringComparison.Ordinal);
        }
        foreach (var trigger in Enum.GetValues<T>())
        {
            Assert.Contains(trigger.ToString(), diagram, StringComparison.Ordinal);
        }
    }
}
