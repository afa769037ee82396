using DonationRegistry.Common.Errors;
using Stateless;
using Stateless.Graph;

namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>
/// The volunteer registration lifecycle, declared once (DOMAIN.md section 2):
/// Draft → PendingWitness → Forwarded → Registered (amend keeps it Registered as a new version); revoke and objection at any live
/// step; Registered → Deceased → Realised | NotRealised from donation-case outcomes. Illegal triggers throw FAILED_PRECONDITION.
/// </summary>
public static class RegistrationLifecycle
{
    /// <summary>Statuses in which a registration counts as the person's live decision for its programme (one per person).</summary>
    public static IReadOnlyList<RegistrationStatus> Live { get; } =
    [
        RegistrationStatus.Draft, RegistrationStatus.PendingWitness, RegistrationStatus.Forwarded, RegistrationStatus.Registered,
        RegistrationStatus.ObjectionRecorded, RegistrationStatus.Deceased,
    ];

    public static StateMachine<RegistrationStatus, RegistrationTrigger> For(Func<RegistrationStatus> read, Action<RegistrationStatus> write)
    {
        var machine = new StateMachine<RegistrationStatus, RegistrationTrigger>(read, write);
        machine.Configure(RegistrationStatus.Draft)
            .Permit(RegistrationTrigger.RecordWitnessing, RegistrationStatus.PendingWitness)
            .Permit(RegistrationTrigger.Revoke, RegistrationStatus.Revoked)
            .Permit(RegistrationTrigger.RecordObjection, RegistrationStatus.ObjectionRecorded);
        machine.Configure(RegistrationStatus.PendingWitness)
            .Permit(RegistrationTrigger.Forward, RegistrationStatus.Forwarded)
            .Permit(RegistrationTrigger.Revoke, RegistrationStatus.Revoked)
            .Permit(RegistrationTrigger.RecordObjection, RegistrationStatus.ObjectionRecorded);
        machine.Configure(RegistrationStatus.Forwarded)
            .Permit(RegistrationTrigger.Confirm, RegistrationStatus.Registered)
            .Permit(RegistrationTrigger.Revoke, RegistrationStatus.Revoked)
            .Permit(RegistrationTrigger.RecordObjection, RegistrationStatus.ObjectionRecorded);
        machine.Configure(RegistrationStatus.Registered)
            .PermitReentry(RegistrationTrigger.Amend)
            .Permit(RegistrationTrigger.Revoke, RegistrationStatus.Revoked)
            .Permit(RegistrationTrigger.RecordObjection, RegistrationStatus.ObjectionRecorded)
            .Permit(RegistrationTrigger.RecordDeath, RegistrationStatus.Deceased);
        // Revoking returns the person to "no recorded decision"; they may still object in writing afterwards.
        machine.Configure(RegistrationStatus.Revoked)
            .Permit(RegistrationTrigger.RecordObjection, RegistrationStatus.ObjectionRecorded);
        // Withdrawing an objection is a revocation of it.
        machine.Configure(RegistrationStatus.ObjectionRecorded)
            .Permit(RegistrationTrigger.Revoke, RegistrationStatus.Revoked);
        machine.Configure(RegistrationStatus.Deceased)
            .Permit(RegistrationTrigger.RecordRealised, RegistrationStatus.Realised)
            .Permit(RegistrationTrigger.RecordNotRealised, RegistrationStatus.NotRealised);
        machine.OnUnhandledTrigger((state, trigger) => throw new IllegalTransitionException(
            state.ToString(), trigger.ToString(), [.. AllowedIn(state).Select(t => t.ToString())],
            $"登记当前状态为“{state}”，不能执行“{trigger}”。"));
        return machine;
    }

    /// <summary>The triggers allowed in <paramref name="state"/> (the machine has no guards, so this is exact).</summary>
    public static IReadOnlyList<RegistrationTrigger> AllowedIn(RegistrationStatus state) =>
        Info.Value.States.FirstOrDefault(s => Equals(s.UnderlyingState, state)) is { } info
            ? [.. info.FixedTransitions.Select(t => (RegistrationTrigger)t.Trigger.UnderlyingTrigger)]
            : [];

    /// <summary>The lifecycle as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() => MermaidGraph.Format(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = RegistrationStatus.Draft;
        return For(() => state, s => state = s).GetInfo();
    });
}
