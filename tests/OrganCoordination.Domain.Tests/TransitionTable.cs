using DonationRegistry.Common.Errors;
using Stateless;
using Xunit;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

/// <summary>Checks one state × trigger pair of a machine against the expected table: legal pairs move, all others throw and stay.</summary>
internal static class TransitionTable
{
    public static TheoryData<TState, TTrigger> AllPairs<TState, TTrigger>()
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var data = new TheoryData<TState, TTrigger>();
        foreach (var state in Enum.GetValues<TState>())
        {
            foreach (var trigger in Enum.GetValues<TTrigger>())
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    public static void Check<TState, TTrigger>(Func<Func<TState>, Action<TState>, StateMachine<TState, TTrigger>> create,
        Func<TState, IReadOnlyList<TTrigger>> allowedIn, IReadOnlyDictionary<(TState, TTrigger), TState> expected, TState state, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var current = state;
        var machine = create(() => current, s => current = s);

        if (expected.TryGetValue((state, trigger), out var next))
        {
            machine.Fire(trigger);
            Assert.Equal(next, current);
            Assert.Contains(trigger, allowedIn(state));
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => machine.Fire(trigger));
            Assert.Equal(state.ToString(), ex.State);
            Assert.Equal(trigger.ToString(), ex.Trigger);
            Assert.Equal(allowedIn(state).Select(t => t.ToString()).Order(), ex.AllowedTriggers.Order());
            Assert.Equal(state, current);
            Assert.DoesNotContain(trigger, allowedIn(state));
        }
    }
}
