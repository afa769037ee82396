using DonationRegistry.Common.Errors;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>
/// What every lifecycle here shares: illegal triggers throw FAILED_PRECONDITION naming the state and the allowed triggers, the
/// allowed triggers are read from the machine's own declaration (the machines have no guards: rules live in the aggregates, so this
/// is exact), and the machine draws itself as Mermaid.
/// </summary>
public static class Lifecycle
{
    public static void RefuseUnhandled<TState, TTrigger>(StateMachine<TState, TTrigger> machine, Func<TState, IReadOnlyList<TTrigger>> allowedIn,
        string what)
        where TState : notnull
        where TTrigger : notnull =>
        machine.OnUnhandledTrigger((state, trigger) => throw new IllegalTransitionException(
            state.ToString()!, trigger.ToString()!, [.. allowedIn(state).Select(t => t.ToString()!)],
            $"{what}当前状态为“{state}”，不能执行“{trigger}”。"));

    /// <summary>
    /// Throws FAILED_PRECONDITION when <paramref name="trigger"/> is not allowed now; aggregates call it before checking their rules,
    /// so that a refused rule never leaves the state changed and an illegal step is reported as such.
    /// </summary>
    public static void Ensure<TState, TTrigger>(StateMachine<TState, TTrigger> machine, TTrigger trigger)
        where TState : notnull
        where TTrigger : notnull
    {
        if (!machine.CanFire(trigger))
        {
            machine.Fire(trigger);
        }
    }

    public static IReadOnlyList<TTrigger> AllowedIn<TState, TTrigger>(StateMachineInfo info, TState state) =>
        info.States.FirstOrDefault(s => Equals(s.UnderlyingState, state)) is { } found
            ? [.. found.FixedTransitions.Select(t => (TTrigger)t.Trigger.UnderlyingTrigger).Distinct()]
            : [];

    public static string ToMermaid(StateMachineInfo info) => MermaidGraph.Format(info).ReplaceLineEndings("\n");
}
