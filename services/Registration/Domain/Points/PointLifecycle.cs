using DonationRegistry.Common.Errors;

namespace DonationRegistry.Registration.Domain.Points;

/// <summary>
/// The registration point lifecycle, declared once: Proposed → Authorised → Active ⇄ Suspended → Closed (any open state may close).
/// </summary>
public static class PointLifecycle
{
    private static readonly Dictionary<(PointStatus From, PointTrigger Trigger), PointStatus> Transitions = new()
    {
        [(PointStatus.Proposed, PointTrigger.Authorise)] = PointStatus.Authorised,
        [(PointStatus.Proposed, PointTrigger.Close)] = PointStatus.Closed,
        [(PointStatus.Authorised, PointTrigger.Activate)] = PointStatus.Active,
        [(PointStatus.Authorised, PointTrigger.Close)] = PointStatus.Closed,
        [(PointStatus.Active, PointTrigger.Suspend)] = PointStatus.Suspended,
        [(PointStatus.Active, PointTrigger.Close)] = PointStatus.Closed,
        [(PointStatus.Suspended, PointTrigger.Resume)] = PointStatus.Active,
        [(PointStatus.Suspended, PointTrigger.Close)] = PointStatus.Closed,
    };

    /// <summary>The triggers allowed in <paramref name="state"/>.</summary>
    public static IReadOnlyList<PointTrigger> AllowedIn(PointStatus state) =>
        [.. Transitions.Keys.Where(k => k.From == state).Select(k => k.Trigger)];

    /// <summary>The state <paramref name="trigger"/> leads to, or FAILED_PRECONDITION naming the state and what is allowed.</summary>
    public static PointStatus Next(PointStatus state, PointTrigger trigger) =>
        Transitions.TryGetValue((state, trigger), out var next)
            ? next
            : throw new IllegalTransitionException(state.ToString(), trigger.ToString(), [.. AllowedIn(state).Select(t => t.ToString())],
                $"登记点当前状态为“{state}”，不能执行“{trigger}”。");

    /// <summary>The lifecycle as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() =>
        "stateDiagram-v2\n    [*] --> Proposed\n" +
        string.Concat(Transitions.Select(t => $"    {t.Key.From} --> {t.Value} : {t.Key.Trigger}\n")) +
        "    Closed --> [*]\n";
}
