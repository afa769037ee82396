using DonationRegistry.Common;
using DonationRegistry.Hsc.Domain.Collection;

namespace DonationRegistry.Hsc.Domain.Tests.Collection;

/// <summary>
/// Brings a Ningbo case to any state through the aggregate's own methods, on a clock the test owns: opened Monday 2026-03-02 09:00
/// Shanghai (day 0), exam day 0, evaluation day 1, plan day 2 (admission and G-CSF from day 10, collection day 14, conditioning from
/// day 8), hand-over day 14; follow-ups from day 21.
/// </summary>
public sealed class CaseBuilder
{
    public static readonly Actor City = new("u-city", Roles.HscCoordinator, "RC-330200", "330200");
    public static readonly Actor Local = new("u-local", Roles.LocalRedCrossOfficer, "RC-330203", "330203");
    public static readonly Actor Hospital = new("u-hospital", Roles.CollectionHospitalStaff, "H-330203-0001", "330203");
    /// <summary>Right roles, wrong organisations.</summary>
    public static readonly Actor OtherCity = new("u-city2", Roles.HscCoordinator, "RC-330100", "330100");
    public static readonly Actor OtherLocal = new("u-local2", Roles.LocalRedCrossOfficer, "RC-330204", "330204");
    public static readonly Actor OtherHospital = new("u-hospital2", Roles.CollectionHospitalStaff, "H-330203-0002", "330203");

    private DateTimeOffset? _now;

    /// <summary>Day 0 of the case (default Monday 2026-03-02 09:00 Shanghai).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 3, 2, 9, 0, 0, ShanghaiDate.Offset);

    public DateOnly Day0 => ShanghaiDate.Of(Start);

    public static readonly FeeStandard Standard = new("330200", 2026, new Dictionary<FeeCategory, long>
    {
        [FeeCategory.MedicalExam] = 100_000, [FeeCategory.HospitalStay] = 30_000, [FeeCategory.Drugs] = 500_000,
        [FeeCategory.Collection] = 800_000, [FeeCategory.Transport] = 200_000, [FeeCategory.DonorSubsidy] = 300_000,
        [FeeCategory.CompanionCosts] = 100_000,
    });

    public DateTimeOffset Now { get => _now ?? Start; set => _now = value; }

    public bool International { get; init; }

    public CollectionCase Open(CollectionCase? first = null, SecondDonationKind? kind = null) =>
        CollectionCase.Open(Guid.NewGuid(), Guid.NewGuid(), first?.DonorId ?? Guid.NewGuid(), "330200", "330203", "H-330203-0001",
            International, independent: true, first, kind, City, Now);

    public MedicalExamRecord Exam(bool passed = true) => new(Day0, "宁波市第一医院", "blood count normal", passed);

    public EvaluationRecord Evaluation(bool fit = true) => new(Day0.AddDays(1), fit, true, "DOC-CONSENT-1", true, null);

    public CollectionPlan Plan(ProductKind product = ProductKind.Pbsc) => new(Day0.AddDays(10), Day0.AddDays(10),
        [Day0.AddDays(14)], product, 5m, "浙大一院移植中心", "顺丰医药", Day0.AddDays(8));

    public MobilisationRecord Mobilisation() => new(Day0.AddDays(10),
        [.. Enumerable.Range(10, 4).Select(d => new GcsfDose(Day0.AddDays(d), 600m, d == 11 ? "bone pain" : null))]);

    public HandoverRecord Handover() => new([new ApheresisSession(Day0.AddDays(14), 150m, 6.2m)], "NB-PBSC-0001",
        Start.AddDays(14).AddHours(6), "顺丰医药", "浙大一院移植中心",
        International ? ["EXPORT-1"] : [], "u-city");

    /// <summary>A case in <paramref name="state"/>; with <paramref name="guardsMet"/> the state's guard already holds (evaluation
    /// recorded, first visit recorded, every document attached, a fee item recorded); Suspended from <paramref name="suspendedAt"/>.</summary>
    public CollectionCase At(CollectionCaseStatus state, bool guardsMet = true,
        CollectionCaseStatus suspendedAt = CollectionCaseStatus.MedicalExam, CollectionCase? first = null, SecondDonationKind? kind = null)
    {
        if (state == CollectionCaseStatus.Suspended)
        {
            var s = At(suspendedAt, first: first, kind: kind);
            s.Suspend("donor travelling", City, Now);
            return s;
        }
        var c = Open(first, kind);
        if (state == CollectionCaseStatus.Cancelled)
        {
            c.Cancel(CancellationReason.PatientCondition, DecidingParty.TransplantCentre, null, City, Now);
            return c;
        }
        while (c.Status != state)
        {
            Complete(c, c.Status);
        }
        if (guardsMet)
        {
            MeetGuard(c);
        }
        return c;
    }

    /// <summary>Makes the current state's guard hold.</summary>
    public void MeetGuard(CollectionCase c)
    {
        switch (c.Status)
        {
            case CollectionCaseStatus.Evaluation when c.Evaluation is null:
                Now = Start.AddDays(1);
                c.RecordEvaluation(Evaluation(), Hospital, Now);
                break;
            case CollectionCaseStatus.FollowUp when !c.FollowUps[0].IsRecorded:
                Now = Start.AddDays(21);
                c.RecordFollowUpVisit(7, Day0.AddDays(21), HealthStatus.Well, [], null, Local, Now);
                break;
            case CollectionCaseStatus.Archiving:
                Now = Start.AddDays(25);
                foreach (var kind in c.MissingDocuments)
                {
                    c.AttachArchiveDocument(kind, "DMS-" + kind, new string('a', 64), City, Now);
                }
                break;
            case CollectionCaseStatus.FeeSettlement when c.Fees.Count == 0:
                Now = Start.AddDays(30);
                c.RecordFeeItems([(FeeCategory.DonorSubsidy, "补贴", 1, 300_000)], Standard, City, Now);
                break;
            default:
                break;
        }
    }

    /// <summary>Completes <paramref name="step"/> with valid data by its owner (the clock moves as the plan says).</summary>
    public void Complete(CollectionCase c, CollectionCaseStatus step)
    {
        switch (step)
        {
            case CollectionCaseStatus.MedicalExam:
                c.CompleteMedicalExam(Exam(), Hospital, Now);
                break;
            case CollectionCaseStatus.Evaluation:
                MeetGuard(c);
                c.CoSignEvaluation(City, Now);
                break;
            case CollectionCaseStatus.CollectionPlan:
                Now = Start.AddDays(2);
                c.CompleteCollectionPlan(Plan(c.SecondDonationKind == SecondDonationKind.Lymphocytes ? ProductKind.Lymphocytes : ProductKind.Pbsc), City, Now);
                break;
            case CollectionCaseStatus.AdmissionAndMobilisation:
                Now = Start.AddDays(13).AddHours(8);
                c.CompleteMobilisation(Mobilisation(), Hospital, Now);
                break;
            case CollectionCaseStatus.CollectionAndHandover:
                Now = Start.AddDays(14).AddHours(8);
                c.CompleteHandover(Handover(), CollectionPolicy.Default, Hospital, Now);
                break;
            case CollectionCaseStatus.FollowUp:
                MeetGuard(c);
                c.CompleteFollowUp(Local, Now);
                break;
            case CollectionCaseStatus.Archiving:
                MeetGuard(c);
                c.CompleteArchiving($"HSC-330200-{Day0.Year}-0001", City, Now);
                break;
            case CollectionCaseStatus.FeeSettlement:
                MeetGuard(c);
                c.SettleFees("中华骨髓库", Day0.AddDays(30), City, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }
}
