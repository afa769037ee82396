using Stateless;

namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>
/// The organ donation case, declared once (DOMAIN.md section 4): Referred → RegistryChecked → Evaluating → FamilyApproach →
/// ConsentSigned → EthicsReview → DeathDetermination → DeathDeclared → WitnessAssigned → AllocationRunning → Procuring →
/// BodyRestored → Witnessed → BodyReleased → CertificateIssued → Completed, with the exits to Closed: a prior objection at the
/// registry check, a medical contraindication during evaluation, the family declining (from the approach until procurement starts:
/// consent may be withdrawn until then), the ethics committee rejecting, and "not progressed" at any point before death is declared.
/// The rules (consent, two thirds, physicians, witnesses, organs) are checked by <see cref="OrganDonationCase"/> before it fires.
/// </summary>
public static class OrganCaseLifecycle
{
    /// <summary>The states from which the family may still decline (withdraw consent): approach until allocation.</summary>
    public static IReadOnlyList<OrganCaseStatus> FamilyMayDecline { get; } =
    [
        OrganCaseStatus.FamilyApproach, OrganCaseStatus.ConsentSigned, OrganCaseStatus.EthicsReview, OrganCaseStatus.DeathDetermination,
        OrganCaseStatus.DeathDeclared, OrganCaseStatus.WitnessAssigned, OrganCaseStatus.AllocationRunning,
    ];

    /// <summary>The states before death is declared, from which a case may end as not progressed.</summary>
    public static IReadOnlyList<OrganCaseStatus> BeforeDeath { get; } =
    [
        OrganCaseStatus.Referred, OrganCaseStatus.RegistryChecked, OrganCaseStatus.Evaluating, OrganCaseStatus.FamilyApproach,
        OrganCaseStatus.ConsentSigned, OrganCaseStatus.EthicsReview, OrganCaseStatus.DeathDetermination,
    ];

    /// <summary>The states in which nothing more can happen.</summary>
    public static IReadOnlyList<OrganCaseStatus> Final { get; } = [OrganCaseStatus.Completed, OrganCaseStatus.Closed];

    public static StateMachine<OrganCaseStatus, OrganCaseTrigger> For(Func<OrganCaseStatus> read, Action<OrganCaseStatus> write)
    {
        var machine = new StateMachine<OrganCaseStatus, OrganCaseTrigger>(read, write);
        machine.Configure(OrganCaseStatus.Referred)
            .Permit(OrganCaseTrigger.RecordRegistryCheck, OrganCaseStatus.RegistryChecked)
            .Permit(OrganCaseTrigger.ClosePriorObjection, OrganCaseStatus.Closed);
        machine.Configure(OrganCaseStatus.RegistryChecked)
            .Permit(OrganCaseTrigger.StartEvaluation, OrganCaseStatus.Evaluating);
        machine.Configure(OrganCaseStatus.Evaluating)
            .Permit(OrganCaseTrigger.ApproachFamily, OrganCaseStatus.FamilyApproach)
            .Permit(OrganCaseTrigger.CloseMedicalContraindication, OrganCaseStatus.Closed);
        machine.Configure(OrganCaseStatus.FamilyApproach)
            .Permit(OrganCaseTrigger.SignConsent, OrganCaseStatus.ConsentSigned);
        machine.Configure(OrganCaseStatus.ConsentSigned)
            .Permit(OrganCaseTrigger.SubmitToEthics, OrganCaseStatus.EthicsReview);
        machine.Configure(OrganCaseStatus.EthicsReview)
            .Permit(OrganCaseTrigger.ApproveEthics, OrganCaseStatus.DeathDetermination)
            .Permit(OrganCaseTrigger.CloseEthicsRejected, OrganCaseStatus.Closed);
        machine.Configure(OrganCaseStatus.DeathDetermination)
            .Permit(OrganCaseTrigger.DeclareDeath, OrganCaseStatus.DeathDeclared);
        machine.Configure(OrganCaseStatus.DeathDeclared)
            .Permit(OrganCaseTrigger.AssignWitnesses, OrganCaseStatus.WitnessAssigned);
        machine.Configure(OrganCaseStatus.WitnessAssigned)
            .Permit(OrganCaseTrigger.StartAllocation, OrganCaseStatus.AllocationRunning);
        machine.Configure(OrganCaseStatus.AllocationRunning)
            .PermitReentry(OrganCaseTrigger.RecordOrganOutcome)
            .Permit(OrganCaseTrigger.StartProcurement, OrganCaseStatus.Procuring);
        machine.Configure(OrganCaseStatus.Procuring)
            .PermitReentry(OrganCaseTrigger.RecordOrganOutcome)
            .Permit(OrganCaseTrigger.RestoreBody, OrganCaseStatus.BodyRestored);
        machine.Configure(OrganCaseStatus.BodyRestored)
            .Permit(OrganCaseTrigger.RecordWitnessReport, OrganCaseStatus.Witnessed);
        machine.Configure(OrganCaseStatus.Witnessed)
            .Permit(OrganCaseTrigger.ReleaseBody, OrganCaseStatus.BodyReleased);
        machine.Configure(OrganCaseStatus.BodyReleased)
            .Permit(OrganCaseTrigger.IssueCertificate, OrganCaseStatus.CertificateIssued);
        machine.Configure(OrganCaseStatus.CertificateIssued)
            .Permit(OrganCaseTrigger.Complete, OrganCaseStatus.Completed);
        foreach (var state in FamilyMayDecline)
        {
            machine.Configure(state).Permit(OrganCaseTrigger.CloseFamilyDeclined, OrganCaseStatus.Closed);
        }
        foreach (var state in BeforeDeath)
        {
            machine.Configure(state).Permit(OrganCaseTrigger.CloseNotProgressed, OrganCaseStatus.Closed);
        }
        Lifecycle.RefuseUnhandled(machine, AllowedIn, "器官捐献案例");
        return machine;
    }

    /// <summary>The triggers allowed in <paramref name="state"/>.</summary>
    public static IReadOnlyList<OrganCaseTrigger> AllowedIn(OrganCaseStatus state) =>
        Lifecycle.AllowedIn<OrganCaseStatus, OrganCaseTrigger>(Info.Value, state);

    /// <summary>The closure reason a Close… trigger records.</summary>
    public static ClosureReason? ReasonOf(OrganCaseTrigger trigger) => trigger switch
    {
        OrganCaseTrigger.ClosePriorObjection => ClosureReason.PriorObjection,
        OrganCaseTrigger.CloseMedicalContraindication => ClosureReason.MedicalContraindication,
        OrganCaseTrigger.CloseFamilyDeclined => ClosureReason.FamilyDeclined,
        OrganCaseTrigger.CloseEthicsRejected => ClosureReason.EthicsRejected,
        OrganCaseTrigger.CloseNotProgressed => ClosureReason.NotProgressed,
        _ => null,
    };

    /// <summary>The lifecycle as a Mermaid state diagram, for the docs and the Portal.</summary>
    public static string ToMermaid() => Lifecycle.ToMermaid(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = OrganCaseStatus.Referred;
        return For(() => state, s => state = s).GetInfo();
    });
}
