using DonationRegistry.Hsc.V1;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>One of the eight steps of the Ningbo collection procedure (宁波市造血干细胞采集工作流程): the party that owns it and the
/// triggers that belong to its form.</summary>
public sealed record HscStep(int Number, CollectionCaseStatus Status, CaseParty Owner, IReadOnlyList<string> Triggers)
{
    /// <summary>The eight steps in order (the service's CollectionCaseStatus 1–8).</summary>
    public static IReadOnlyList<HscStep> All { get; } =
    [
        new(1, CollectionCaseStatus.MedicalExam, CaseParty.CollectionHospital, ["CompleteMedicalExam", "FailMedicalExam"]),
        new(2, CollectionCaseStatus.Evaluation, CaseParty.CollectionHospital, ["RecordEvaluation", "FailEvaluation", "CoSignEvaluation"]),
        new(3, CollectionCaseStatus.CollectionPlan, CaseParty.CityRedCross, ["CompleteCollectionPlan"]),
        new(4, CollectionCaseStatus.AdmissionAndMobilisation, CaseParty.CollectionHospital, ["CompleteMobilisation"]),
        new(5, CollectionCaseStatus.CollectionAndHandover, CaseParty.CollectionHospital, ["CompleteHandover"]),
        new(6, CollectionCaseStatus.FollowUp, CaseParty.LocalRedCross, ["RecordFollowUpVisit", "CompleteFollowUp"]),
        new(7, CollectionCaseStatus.Archiving, CaseParty.CityRedCross, ["AttachArchiveDocument", "CompleteArchiving"]),
        new(8, CollectionCaseStatus.FeeSettlement, CaseParty.CityRedCross, ["RecordFeeItems", "SettleFees"]),
    ];

    /// <summary>The step a case stands at: its status, or the step it resumes at while suspended; 9 when closed, 0 when cancelled.</summary>
    public static int CurrentNumber(CollectionCase c)
    {
        var status = c.Status == CollectionCaseStatus.Suspended ? c.SuspendedFrom : c.Status;
        return status switch
        {
            CollectionCaseStatus.Closed => 9,
            CollectionCaseStatus.Cancelled => 0,
            _ => All.FirstOrDefault(s => s.Status == status)?.Number ?? 0,
        };
    }

    /// <summary>The organisation acting for a party of the case: the city or county region, or the hospital's id.</summary>
    public static string OrganisationOf(CollectionCase c, CaseParty party) => party switch
    {
        CaseParty.CityRedCross => c.CityRegion,
        CaseParty.LocalRedCross => c.LocalRegion,
        CaseParty.CollectionHospital => c.HospitalOrgId,
        _ => "",
    };

    /// <summary>Whether the signed-in caller may act in this step now (the service's caller_may decides).</summary>
    public bool CallerMayAct(CollectionCase c) => Triggers.Any(c.CallerMay.Contains);
}
