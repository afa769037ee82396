using Stateless;
using Stateless.Graph;

namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>
/// The visit lifecycle, declared once: Planned → Scheduled → Visited | Missed → FollowedUp → Closed; a scheduled visit may be
/// rescheduled, a missed one re-planned. Illegal triggers throw FAILED_PRECONDITION.
/// </summary>
public static class VisitLifecycle
{
    public static StateMachine<VisitStatus, VisitTrigger> For(Func<VisitStatus> read, Action<VisitStatus> write)
    {
        var machine = new StateMachine<VisitStatus, VisitTrigger>(read, write);
        machine.Configure(VisitStatus.Planned)
            .Permit(VisitTrigger.Schedule, VisitStatus.Scheduled)
            .Permit(VisitTrigger.Close, VisitStatus.Closed);
        machine.Configure(VisitStatus.Scheduled)
            .PermitReentry(VisitTrigger.Schedule)
            .Permit(VisitTrigger.RecordVisited, VisitStatus.Visited)
            .Permit(VisitTrigger.RecordMissed, VisitStatus.Missed)
            .Permit(VisitTrigger.Close, VisitStatus.Closed);
        machine.Configure(VisitStatus.Missed)
            .Permit(VisitTrigger.Schedule, VisitStatus.Scheduled)
            .Permit(VisitTrigger.Close, VisitStatus.Closed);
        machine.Configure(VisitStatus.Visited)
            .Permit(VisitTrigger.RecordFollowUp, VisitStatus.FollowedUp)
            .Permit(VisitTrigger.Close, VisitStatus.Closed);
        machine.Configure(VisitStatus.FollowedUp)
            .Permit(VisitTrigger.Close, VisitStatus.Closed);
        machine.OnUnhandledTrigger((state, trigger) => throw new IllegalTransitionException(
            state.ToString(), trigger.ToString(), [.. AllowedIn(state).Select(t => t.ToString())],
            $"走访当前状态为“{state}”，不能执行“{trigger}”。"));
        return machine;
    }

    public static IReadOnlyList<VisitTrigger> AllowedIn(VisitStatus state) =>
        Info.Value.States.FirstOrDefault(s => Equals(s.UnderlyingState, state)) is { } info
            ? [.. info.FixedTransitions.Select(t => (VisitTrigger)t.Trigger.UnderlyingTrigger)]
            : [];

    public static string ToMermaid() => MermaidGraph.Format(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = VisitStatus.Planned;
        return For(() => state, s => state = s).GetInfo();
    });
}
