using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using Stateless;
using Stateless.Graph;
using S = DonationRegistry.Hsc.Domain.Collection.CollectionCaseStatus;
using T = DonationRegistry.Hsc.Domain.Collection.CollectionTrigger;

namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>
/// The Ningbo collection procedure (宁波市造血干细胞采集工作流程) as one state machine, declared once (DOMAIN.md section 3):
/// the eight steps complete in order; the five steps before the donation may be suspended (resuming at the step left) or
/// cancelled with a reason code; a failed exam or an unfit evaluation cancels the case; after the hand-over the case runs through
/// follow-up, archiving and fee settlement to Closed, where long-term follow-up visits are still recorded. Who may fire each trigger
/// is in <see cref="PartiesFor"/>. Illegal triggers throw FAILED_PRECONDITION naming the state and the allowed triggers.
/// </summary>
public static class CollectionProcedure
{
    /// <summary>The eight steps, in order.</summary>
    public static IReadOnlyList<S> Steps { get; } =
        [S.MedicalExam, S.Evaluation, S.CollectionPlan, S.AdmissionAndMobilisation, S.CollectionAndHandover, S.FollowUp, S.Archiving, S.FeeSettlement];

    /// <summary>The steps before the donation: these may be suspended or cancelled.</summary>
    public static IReadOnlyList<S> BeforeDonation { get; } =
        [S.MedicalExam, S.Evaluation, S.CollectionPlan, S.AdmissionAndMobilisation, S.CollectionAndHandover];

    /// <summary>The party that completes each step (the table of DOMAIN.md section 3).</summary>
    public static CaseParty OwnerOf(S step) => step switch
    {
        S.MedicalExam or S.Evaluation or S.AdmissionAndMobilisation or S.CollectionAndHandover => CaseParty.CollectionHospital,
        S.FollowUp => CaseParty.LocalRedCross,
        S.CollectionPlan or S.Archiving or S.FeeSettlement => CaseParty.CityRedCross,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step."),
    };

    /// <summary>The role a party's users hold.</summary>
    public static string RoleOf(CaseParty party) => party switch
    {
        CaseParty.CityRedCross => Roles.HscCoordinator,
        CaseParty.LocalRedCross => Roles.LocalRedCrossOfficer,
        CaseParty.CollectionHospital => Roles.CollectionHospitalStaff,
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, null),
    };

    /// <summary>The parties whose users may fire <paramref name="trigger"/> (where the state allows it).</summary>
    public static IReadOnlyList<CaseParty> PartiesFor(T trigger) => trigger switch
    {
        T.CompleteMedicalExam or T.FailMedicalExam or T.RecordEvaluation or T.FailEvaluation or T.CompleteMobilisation
            or T.CompleteHandover => [CaseParty.CollectionHospital],
        T.RecordFollowUpVisit or T.CompleteFollowUp => [CaseParty.LocalRedCross],
        T.CoSignEvaluation or T.CompleteCollectionPlan or T.AttachArchiveDocument or T.CompleteArchiving or T.RecordFeeItems
            or T.SettleFees or T.Suspend or T.Resume => [CaseParty.CityRedCross],
        // Any party records a cancellation; the deciding party is recorded with it.
        T.Cancel => [CaseParty.CityRedCross, CaseParty.LocalRedCross, CaseParty.CollectionHospital],
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    public static StateMachine<S, T> For(Func<S> read, Action<S> write, CollectionGuards guards)
    {
        var m = new StateMachine<S, T>(read, write);
        m.Configure(S.MedicalExam)
            .Permit(T.CompleteMedicalExam, S.Evaluation)
            .Permit(T.FailMedicalExam, S.Cancelled)
            .PermitReentry(T.AttachArchiveDocument)
            .PermitReentry(T.RecordFeeItems);
        m.Configure(S.Evaluation)
            .PermitReentry(T.RecordEvaluation)
            .Permit(T.FailEvaluation, S.Cancelled)
            .PermitIf(T.CoSignEvaluation, S.CollectionPlan, guards.EvaluationRecorded, "evaluation recorded")
            .PermitReentry(T.AttachArchiveDocument)
            .PermitReentry(T.RecordFeeItems);
        m.Configure(S.CollectionPlan)
            .Permit(T.CompleteCollectionPlan, S.AdmissionAndMobilisation)
            .PermitReentry(T.AttachArchiveDocument)
            .PermitReentry(T.RecordFeeItems);
        m.Configure(S.AdmissionAndMobilisation)
            .Permit(T.CompleteMobilisation, S.CollectionAndHandover)
            .PermitReentry(T.AttachArchiveDocument)
            .PermitReentry(T.RecordFeeItems);
        m.Configure(S.CollectionAndHandover)
            .Permit(T.CompleteHandover, S.FollowUp)
            .PermitReentry(T.AttachArchiveDocument)
            .PermitReentry(T.RecordFeeItems);
        foreach (var step in BeforeDonation)
        {
            m.Configure(step)
                .Permit(T.Suspend, S.Suspended)
                .Permit(T.Cancel, S.Cancelled);
        }
        m.Configure(S.Suspended)
            .PermitDynamic(T.Resume, guards.ResumeTo, "the step it left",
                ResumeTargets())
            .Permit(T.Cancel, S.Cancelled)
            .PermitReentry(T.AttachArchiveDocument)
            .PermitReentry(T.RecordFeeItems);
        m.Configure(S.FollowUp)
            .PermitReentry(T.RecordFollowUpVisit)
            .PermitIf(T.CompleteFollowUp, S.Archiving, guards.FirstVisitRecorded, "first visit recorded")
            .PermitReentry(T.AttachArchiveDocument)
            .PermitReentry(T.RecordFeeItems);
        m.Configure(S.Archiving)
            .PermitReentry(T.RecordFollowUpVisit)
            .PermitReentry(T.AttachArchiveDocument)
            .PermitIf(T.CompleteArchiving, S.FeeSettlement, guards.ArchiveComplete, "every required document attached")
            .PermitReentry(T.RecordFeeItems);
        m.Configure(S.FeeSettlement)
            .PermitReentry(T.RecordFollowUpVisit)
            .PermitReentry(T.RecordFeeItems)
            .PermitIf(T.SettleFees, S.Closed, guards.FeesRecorded, "fee items recorded");
        // Long-term follow-up visits go on after the case closed.
        m.Configure(S.Closed)
            .PermitReentry(T.RecordFollowUpVisit);
        m.Configure(S.Cancelled);
        m.OnUnhandledTrigger((state, trigger, unmetGuards) => throw Illegal(state, trigger, unmetGuards));
        return m;
    }

    private static Stateless.Reflection.DynamicStateInfos ResumeTargets()
    {
        var targets = new Stateless.Reflection.DynamicStateInfos();
        targets.AddRange(BeforeDonation.Select(s => new Stateless.Reflection.DynamicStateInfo(s.ToString(), "suspended at " + s)));
        return targets;
    }

    /// <summary>The FAILED_PRECONDITION for <paramref name="trigger"/> in <paramref name="state"/>.</summary>
    public static IllegalTransitionException Illegal(S state, T trigger, ICollection<string>? unmetGuards = null)
    {
        var stateText = unmetGuards is { Count: > 0 } ? $"{state} (not yet: {string.Join(", ", unmetGuards)})" : state.ToString();
        return new IllegalTransitionException(stateText, trigger.ToString(), [.. AllowedIn(state).Select(t => t.ToString())],
            $"采集案例当前状态为“{state}”，不能执行“{trigger}”。");
    }

    /// <summary>The triggers <paramref name="state"/> allows when its guards hold.</summary>
    public static IReadOnlyList<T> AllowedIn(S state) =>
        Info.Value.States.FirstOrDefault(s => Equals(s.UnderlyingState, state)) is { } info
            ? [.. info.FixedTransitions.Select(t => (T)t.Trigger.UnderlyingTrigger)
                .Concat(info.DynamicTransitions.Select(t => (T)t.Trigger.UnderlyingTrigger)).Distinct().Order()]
            : [];

    /// <summary>The procedure as a Mermaid state diagram, for the docs, the Portal and GetCollectionCaseDiagram.</summary>
    public static string ToMermaid() => MermaidGraph.Format(Info.Value);

    private static readonly Lazy<Stateless.Reflection.StateMachineInfo> Info = new(() =>
    {
        var state = S.MedicalExam;
        return For(() => state, s => state = s, CollectionGuards.Open).GetInfo();
    });
}
