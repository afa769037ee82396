using Stateless;

namespace DonationRegistry.OrganCoordination.Domain.BodyCases;

/// <summary>
/// The body donation case, declared once (DOMAIN.md section 4): DeathNotified → HandoverAgreed → Received → InUse → Disposed →
/// Memorialised, or Rejected(reason) at any point before the body is in use.
/// </summary>
public static class BodyCaseLifecycle
{
    public static StateMachine<BodyCaseStatus, BodyCaseTrigger> For(Func<BodyCaseStatus> read, Action<BodyCaseStatus> write)
    {
        var machine = new StateMachine<BodyCaseStatus, BodyCaseTrigger>(read, write);
        machine.Configure(BodyCaseStatus.DeathNotified)
            .Permit(BodyCaseTrigger.AgreeHandover, BodyCaseStatus.HandoverAgreed)
            .Permit(BodyCaseTrigger.Reject, BodyCaseStatus.Rejected);
        machine.Configure(BodyCaseStatus.HandoverAgreed)
            .Permit(BodyCaseTrigger.Receive, BodyCaseStatus.Received)
            .Permit(BodyCaseTrigger.Reject, BodyCaseStatus.Rejected);
        machine.Configure(BodyCaseStatus.Received)
            .Permit(BodyCaseTrigger.StartUse, BodyCaseStatus.InUse)
            .Permit(BodyCaseTrigger.Reject, BodyCaseStatus.Rejected);
        machine.Configure(BodyCaseStatus.InUse)
            .Permit(BodyCaseTrigger.Dispose, BodyCaseStatus.Disposed);
        machine.Configure(BodyCaseStatus.Disposed)
            .Permit(BodyCaseTrigger.Memorialise, BodyCaseStatus.Memorialised);
        Lifecycle.RefuseUnhandled(machine, AllowedIn, "遗体捐献案例");
        return machine;
    }

    /// <summary>The triggers allowed in <paramref name="state"/>.</summary>
    public static IReadOnlyList<BodyCaseTrigger> AllowedIn(BodyCaseStatus state) =>
        Lifecycle.AllowedIn<BodyCaseStatus, BodyCaseTrigger>(Info.Value, state);

    /// <summary>The lifecycle as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() => Lifecycle.ToMermaid(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = BodyCaseStatus.DeathNotified;
        return For(() => state, s => state = s).GetInfo();
    });
}
