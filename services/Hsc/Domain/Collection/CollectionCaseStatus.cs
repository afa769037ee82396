namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>
/// Where a collection case (采集案例) stands. The first eight values are the steps of the Ningbo procedure (DOMAIN.md section 3), each
/// named for the step waiting to be completed; then the closed end, the pause and the cancelled end.
/// </summary>
public enum CollectionCaseStatus
{
    /// <summary>1 捐献者体检: waiting for the collection hospital's medical exam.</summary>
    MedicalExam = 1,
    /// <summary>2 捐献者评估: the hospital's evaluation, co-signed by the city Red Cross.</summary>
    Evaluation = 2,
    /// <summary>3 制定采集计划: the city Red Cross fixes the collection plan.</summary>
    CollectionPlan = 3,
    /// <summary>4 入院及注射动员剂: admission and the daily G-CSF injections.</summary>
    AdmissionAndMobilisation = 4,
    /// <summary>5 造血干细胞采集与交接: apheresis and hand-over of the product.</summary>
    CollectionAndHandover = 5,
    /// <summary>6 捐献者回访: the local Red Cross visits the donor (visits go on after the case closes).</summary>
    FollowUp = 6,
    /// <summary>7 档案管理: the city Red Cross completes the archive.</summary>
    Archiving = 7,
    /// <summary>8 费用标准: the city Red Cross settles the fees.</summary>
    FeeSettlement = 8,
    /// <summary>Every step done; only long-term follow-up visits are still recorded.</summary>
    Closed = 9,
    /// <summary>Paused (donor temporarily unavailable); resumes at the step it left.</summary>
    Suspended = 10,
    /// <summary>Ended without (further) donation, with a reason code and the deciding party.</summary>
    Cancelled = 11,
}
