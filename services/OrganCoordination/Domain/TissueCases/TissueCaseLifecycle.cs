using Stateless;

namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>
/// The cornea or brain tissue case, declared once (DOMAIN.md section 4): DeathNotified → Recovered | Declined; Recovered → Used →
/// Memorialised. Declined is final.
/// </summary>
public static class TissueCaseLifecycle
{
    public static StateMachine<TissueCaseStatus, TissueCaseTrigger> For(Func<TissueCaseStatus> read, Action<TissueCaseStatus> write)
    {
        var machine = new StateMachine<TissueCaseStatus, TissueCaseTrigger>(read, write);
        machine.Configure(TissueCaseStatus.DeathNotified)
            .Permit(TissueCaseTrigger.Recover, TissueCaseStatus.Recovered)
            .Permit(TissueCaseTrigger.Decline, TissueCaseStatus.Declined);
        machine.Configure(TissueCaseStatus.Recovered)
            .Permit(TissueCaseTrigger.Use, TissueCaseStatus.Used);
        machine.Configure(TissueCaseStatus.Used)
            .Permit(TissueCaseTrigger.Memorialise, TissueCaseStatus.Memorialised);
        Lifecycle.RefuseUnhandled(machine, AllowedIn, "组织捐献案例");
        return machine;
    }

    /// <summary>The triggers allowed in <paramref name="state"/>.</summary>
    public static IReadOnlyList<TissueCaseTrigger> AllowedIn(TissueCaseStatus state) =>
        Lifecycle.AllowedIn<TissueCaseStatus, TissueCaseTrigger>(Info.Value, state);

    /// <summary>The lifecycle as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() => Lifecycle.ToMermaid(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = TissueCaseStatus.DeathNotified;
        return For(() => state, s => state = s).GetInfo();
    });
}
