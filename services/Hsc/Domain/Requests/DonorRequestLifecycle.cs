using DonationRegistry.Common.Errors;
using Stateless;
using Stateless.Graph;
using S = DonationRegistry.Hsc.Domain.Requests.DonorRequestStatus;
using T = DonationRegistry.Hsc.Domain.Requests.DonorRequestTrigger;

namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>
/// The donor request workflow, declared once (DOMAIN.md section 3, "From a match to a collection"):
/// Open (再动员; undecided attempts keep it open until the limit, then ContactFailed) → Willing → SampleRequested → SampleReceived →
/// Passed | Failed (确认配型 at 10 loci) → Selected (primary/back-up) → InCollection → Completed | Cancelled. The donor may decline at
/// any step before the collection case (悔捐 → Declined); the coordinator may cancel any active request. Final states: Failed,
/// Completed, Cancelled, Declined, ContactFailed. Illegal triggers throw FAILED_PRECONDITION naming the state and the allowed triggers.
/// The machine has no guards, so <see cref="AllowedIn"/> is exact.
/// </summary>
public static class DonorRequestLifecycle
{
    /// <summary>The final states: the request no longer holds the donor.</summary>
    public static IReadOnlyList<S> Final { get; } = [S.Failed, S.Completed, S.Cancelled, S.Declined, S.ContactFailed];

    /// <summary>The states in which the request holds (reserves) the donor.</summary>
    public static IReadOnlyList<S> Active { get; } = [.. Enum.GetValues<S>().Except(Final)];

    public static StateMachine<S, T> For(Func<S> read, Action<S> write)
    {
        var machine = new StateMachine<S, T>(read, write);
        machine.Configure(S.Open)
            .PermitReentry(T.RecordNoDecision)
            .Permit(T.ConfirmWilling, S.Willing)
            .Permit(T.GiveUpContact, S.ContactFailed);
        machine.Configure(S.Willing)
            .Permit(T.RequestSample, S.SampleRequested);
        machine.Configure(S.SampleRequested)
            .Permit(T.ReceiveSample, S.SampleReceived);
        machine.Configure(S.SampleReceived)
            .Permit(T.PassConfirmatory, S.Passed)
            .Permit(T.FailConfirmatory, S.Failed);
        machine.Configure(S.Passed)
            .Permit(T.Select, S.Selected);
        machine.Configure(S.Selected)
            // Switching between primary and back-up.
            .PermitReentry(T.Select)
            .Permit(T.StartCollection, S.InCollection);
        machine.Configure(S.InCollection)
            .Permit(T.Complete, S.Completed);
        foreach (var state in new[] { S.Open, S.Willing, S.SampleRequested, S.SampleReceived, S.Passed, S.Selected })
        {
            // Late withdrawal (悔捐) before a collection case; inside one, the case decides (Finish).
            machine.Configure(state).Permit(T.Decline, S.Declined);
        }
        foreach (var state in Active)
        {
            machine.Configure(state).Permit(T.Cancel, S.Cancelled);
        }
        machine.OnUnhandledTrigger((state, trigger) => throw new IllegalTransitionException(
            state.ToString(), trigger.ToString(), [.. AllowedIn(state).Select(t => t.ToString())],
            $"申请当前状态为“{state}”，不能执行“{trigger}”。"));
        return machine;
    }

    /// <summary>The triggers allowed in <paramref name="state"/>.</summary>
    public static IReadOnlyList<T> AllowedIn(S state) =>
        Info.Value.States.FirstOrDefault(s => Equals(s.UnderlyingState, state)) is { } info
            ? [.. info.FixedTransitions.Select(t => (T)t.Trigger.UnderlyingTrigger).Distinct()]
            : [];

    /// <summary>The workflow as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() => MermaidGraph.Format(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = S.Open;
        return For(() => state, s => state = s).GetInfo();
    });
}
