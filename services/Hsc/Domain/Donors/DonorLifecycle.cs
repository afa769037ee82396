using DonationRegistry.Common.Errors;
using Stateless;
using Stateless.Graph;

namespace DonationRegistry.Hsc.Domain.Donors;

/// <summary>
/// The HSC donor lifecycle, declared once (DOMAIN.md section 3):
/// Enrolled → SampleCollected → Typed → Available ⇄ TemporarilyDeferred; Available → Reserved → Donated → Available | Reserved;
/// every live state → PermanentlyDeferred | Withdrawn | AgedOut (the three are final). A new typing may be recorded in every state
/// from SampleCollected on (confirmatory typing of a reserved donor, re-typing at higher resolution) without changing the state,
/// except SampleCollected → Typed. Illegal triggers throw FAILED_PRECONDITION naming the state and the allowed triggers.
/// </summary>
public static class DonorLifecycle
{
    /// <summary>The final states: no trigger leaves them.</summary>
    public static IReadOnlyList<DonorStatus> Final { get; } =
        [DonorStatus.PermanentlyDeferred, DonorStatus.Withdrawn, DonorStatus.AgedOut];

    public static StateMachine<DonorStatus, DonorTrigger> For(Func<DonorStatus> read, Action<DonorStatus> write)
    {
        var machine = new StateMachine<DonorStatus, DonorTrigger>(read, write);
        machine.Configure(DonorStatus.Enrolled)
            .Permit(DonorTrigger.RecordSample, DonorStatus.SampleCollected);
        machine.Configure(DonorStatus.SampleCollected)
            .Permit(DonorTrigger.RecordTyping, DonorStatus.Typed);
        machine.Configure(DonorStatus.Typed)
            .PermitReentry(DonorTrigger.RecordTyping)
            .Permit(DonorTrigger.MakeAvailable, DonorStatus.Available);
        machine.Configure(DonorStatus.Available)
            .PermitReentry(DonorTrigger.RecordTyping)
            .Permit(DonorTrigger.Defer, DonorStatus.TemporarilyDeferred)
            .Permit(DonorTrigger.Reserve, DonorStatus.Reserved);
        machine.Configure(DonorStatus.TemporarilyDeferred)
            .PermitReentry(DonorTrigger.RecordTyping)
            // Deferring again moves the until-date.
            .PermitReentry(DonorTrigger.Defer)
            .Permit(DonorTrigger.Reinstate, DonorStatus.Available);
        machine.Configure(DonorStatus.Reserved)
            .PermitReentry(DonorTrigger.RecordTyping)
            .Permit(DonorTrigger.Release, DonorStatus.Available)
            .Permit(DonorTrigger.RecordDonation, DonorStatus.Donated);
        machine.Configure(DonorStatus.Donated)
            .PermitReentry(DonorTrigger.RecordTyping)
            .Permit(DonorTrigger.MakeAvailable, DonorStatus.Available)
            .Permit(DonorTrigger.Reserve, DonorStatus.Reserved);
        foreach (var live in Enum.GetValues<DonorStatus>().Except(Final))
        {
            machine.Configure(live)
                .Permit(DonorTrigger.PermanentlyDefer, DonorStatus.PermanentlyDeferred)
                .Permit(DonorTrigger.Withdraw, DonorStatus.Withdrawn)
                .Permit(DonorTrigger.AgeOut, DonorStatus.AgedOut);
        }
        machine.OnUnhandledTrigger((state, trigger) => throw new IllegalTransitionException(
            state.ToString(), trigger.ToString(), [.. AllowedIn(state).Select(t => t.ToString())],
            $"捐献者当前状态为“{state}”，不能执行“{trigger}”。"));
        return machine;
    }

    /// <summary>The triggers allowed in <paramref name="state"/> (the machine has no guards, so this is exact).</summary>
    public static IReadOnlyList<DonorTrigger> AllowedIn(DonorStatus state) =>
        Info.Value.States.FirstOrDefault(s => Equals(s.UnderlyingState, state)) is { } info
            ? [.. info.FixedTransitions.Select(t => (DonorTrigger)t.Trigger.UnderlyingTrigger).Distinct()]
            : [];

    /// <summary>The lifecycle as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() => MermaidGraph.Format(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = DonorStatus.Enrolled;
        return For(() => state, s => state = s).GetInfo();
    });
}
