using Stateless;
using Stateless.Graph;

namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>
/// The student aid lifecycle, declared once (DOMAIN.md section 5): Identified → Applied → Verified → Approved → Disbursed (per term,
/// re-entering) → AnnualReview → Renewed (→ Disbursed again) | Exited. A child may exit at any live step (declined, no longer eligible,
/// graduated). Illegal triggers throw FAILED_PRECONDITION.
/// </summary>
public static class AidLifecycle
{
    /// <summary>States in which the child is counted as aided (reviewed each term).</summary>
    public static IReadOnlyList<AidStatus> Aided { get; } =
        [AidStatus.Approved, AidStatus.Disbursed, AidStatus.AnnualReview, AidStatus.Renewed];

    public static StateMachine<AidStatus, AidTrigger> For(Func<AidStatus> read, Action<AidStatus> write)
    {
        var machine = new StateMachine<AidStatus, AidTrigger>(read, write);
        machine.Configure(AidStatus.Identified)
            .Permit(AidTrigger.Apply, AidStatus.Applied)
            .Permit(AidTrigger.Exit, AidStatus.Exited);
        machine.Configure(AidStatus.Applied)
            .Permit(AidTrigger.Verify, AidStatus.Verified)
            .Permit(AidTrigger.Exit, AidStatus.Exited);
        machine.Configure(AidStatus.Verified)
            .Permit(AidTrigger.Approve, AidStatus.Approved)
            .Permit(AidTrigger.Exit, AidStatus.Exited);
        machine.Configure(AidStatus.Approved)
            .Permit(AidTrigger.Disburse, AidStatus.Disbursed)
            .Permit(AidTrigger.Exit, AidStatus.Exited);
        // One disbursement per term: the second term's payment re-enters Disbursed.
        machine.Configure(AidStatus.Disbursed)
            .PermitReentry(AidTrigger.Disburse)
            .Permit(AidTrigger.BeginAnnualReview, AidStatus.AnnualReview)
            .Permit(AidTrigger.Exit, AidStatus.Exited);
        machine.Configure(AidStatus.AnnualReview)
            .Permit(AidTrigger.Renew, AidStatus.Renewed)
            .Permit(AidTrigger.Exit, AidStatus.Exited);
        machine.Configure(AidStatus.Renewed)
            .Permit(AidTrigger.Disburse, AidStatus.Disbursed)
            .Permit(AidTrigger.Exit, AidStatus.Exited);
        machine.OnUnhandledTrigger((state, trigger) => throw new IllegalTransitionException(
            state.ToString(), trigger.ToString(), [.. AllowedIn(state).Select(t => t.ToString())],
            $"助学当前状态为“{state}”，不能执行“{trigger}”。"));
        return machine;
    }

    /// <summary>The triggers allowed in <paramref name="state"/> (the machine has no guards, so this is exact).</summary>
    public static IReadOnlyList<AidTrigger> AllowedIn(AidStatus state) =>
        Info.Value.States.FirstOrDefault(s => Equals(s.UnderlyingState, state)) is { } info
            ? [.. info.FixedTransitions.Select(t => (AidTrigger)t.Trigger.UnderlyingTrigger)]
            : [];

    /// <summary>The lifecycle as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() => MermaidGraph.Format(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = AidStatus.Identified;
        return For(() => state, s => state = s).GetInfo();
    });
}
