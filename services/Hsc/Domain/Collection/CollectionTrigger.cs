namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>What can happen to a collection case; <see cref="CollectionProcedure"/> says where each is allowed and who may do it.</summary>
public enum CollectionTrigger
{
    /// <summary>The medical exam passed.</summary>
    CompleteMedicalExam = 1,
    /// <summary>The medical exam failed: the case ends (medically unfit).</summary>
    FailMedicalExam = 2,
    /// <summary>The hospital records (or corrects) its evaluation; the step waits for the city's co-signature.</summary>
    RecordEvaluation = 3,
    /// <summary>The evaluation found the donor unfit: the case ends (medically unfit).</summary>
    FailEvaluation = 4,
    /// <summary>The city Red Cross co-signs the recorded evaluation, completing the step.</summary>
    CoSignEvaluation = 5,
    CompleteCollectionPlan = 6,
    CompleteMobilisation = 7,
    CompleteHandover = 8,
    /// <summary>A follow-up visit is recorded (also after the case closed).</summary>
    RecordFollowUpVisit = 9,
    CompleteFollowUp = 10,
    AttachArchiveDocument = 11,
    CompleteArchiving = 12,
    RecordFeeItems = 13,
    SettleFees = 14,
    Suspend = 15,
    Resume = 16,
    Cancel = 17,
    /// <summary>The case was opened: only its first timeline entry; no state allows it (the machine starts at MedicalExam).</summary>
    Open = 18,
}
