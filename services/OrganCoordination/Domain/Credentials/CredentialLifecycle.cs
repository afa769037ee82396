using Stateless;

namespace DonationRegistry.OrganCoordination.Domain.Credentials;

/// <summary>
/// The coordinator credential, declared once: Applicant → Certified ⇄ Suspended, renewals keep it Certified, and every state but
/// Revoked may be revoked. Revoked is final; whether the holder may apply again depends on the reason (see
/// <see cref="CoordinatorCredential.Apply"/>).
/// </summary>
public static class CredentialLifecycle
{
    public static StateMachine<CredentialStatus, CredentialTrigger> For(Func<CredentialStatus> read, Action<CredentialStatus> write)
    {
        var machine = new StateMachine<CredentialStatus, CredentialTrigger>(read, write);
        machine.Configure(CredentialStatus.Applicant)
            .PermitReentry(CredentialTrigger.RecordTraining)
            .Permit(CredentialTrigger.Certify, CredentialStatus.Certified)
            .Permit(CredentialTrigger.Revoke, CredentialStatus.Revoked);
        machine.Configure(CredentialStatus.Certified)
            .PermitReentry(CredentialTrigger.RecordTraining)
            .PermitReentry(CredentialTrigger.Renew)
            .Permit(CredentialTrigger.Suspend, CredentialStatus.Suspended)
            .Permit(CredentialTrigger.Revoke, CredentialStatus.Revoked);
        machine.Configure(CredentialStatus.Suspended)
            .PermitReentry(CredentialTrigger.RecordTraining)
            .Permit(CredentialTrigger.Reinstate, CredentialStatus.Certified)
            .Permit(CredentialTrigger.Revoke, CredentialStatus.Revoked);
        Lifecycle.RefuseUnhandled(machine, AllowedIn, "协调员资格");
        return machine;
    }

    /// <summary>The triggers allowed in <paramref name="state"/>.</summary>
    public static IReadOnlyList<CredentialTrigger> AllowedIn(CredentialStatus state) =>
        Lifecycle.AllowedIn<CredentialStatus, CredentialTrigger>(Info.Value, state);

    /// <summary>The lifecycle as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() => Lifecycle.ToMermaid(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = CredentialStatus.Applicant;
        return For(() => state, s => state = s).GetInfo();
    });
}
