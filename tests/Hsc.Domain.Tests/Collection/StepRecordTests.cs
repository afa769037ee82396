using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Collection;
using Xunit;
using S = DonationRegistry.Hsc.Domain.Collection.CollectionCaseStatus;

namespace DonationRegistry.Hsc.Domain.Tests.Collection;

/// <summary>Each step's record is validated: every rule refused with the field named, and accepted at its limit.</summary>
public sealed class StepRecordTests
{
    private static void Refused(string field, Action act)
    {
        var ex = Assert.Throws<ValidationFailedException>(act);
        Assert.True(ex.Violations.Any(v => v.Field == field),
            $"Expected a violation of {field}; got {string.Join("; ", ex.Violations.Select(v => v.Field + ": " + v.Description))}");
    }

    [Theory]
    [InlineData(1, "", "ok", "medical_exam.hospital")]
    [InlineData(1, "H", " ", "medical_exam.results")]
    [InlineData(2, "H", "ok", "medical_exam.exam_date")]
    [InlineData(-1, "H", "ok", "medical_exam.exam_date")]
    public void CompleteMedicalExam_WithABadRecord_NamesTheField(int dayOffset, string hospital, string results, string field)
    {
        var b = new CaseBuilder();
        var c = b.Open();

        // The clock stands at day 1: day 2 is in the future, day -1 before the case was opened.
        Refused(field, () => c.CompleteMedicalExam(new MedicalExamRecord(b.Day0.AddDays(dayOffset), hospital, results, true),
            CaseBuilder.Hospital, b.Start.AddDays(1)));
        Assert.Equal(S.MedicalExam, c.Status);
    }

    [Theory]
    [InlineData(false, true, "DOC", "evaluation.informed_consent_signed")]
    [InlineData(true, false, "DOC", "evaluation.psychologically_ready")]
    [InlineData(true, true, "", "evaluation.consent_document")]
    public void RecordEvaluation_WithoutConsentOrReadiness_IsRefused(bool consent, bool ready, string document, string field)
    {
        var b = new CaseBuilder();
        var c = b.At(S.Evaluation, guardsMet: false);

        Refused(field, () => c.RecordEvaluation(new EvaluationRecord(b.Day0.AddDays(1), true, consent, document, ready, null),
            CaseBuilder.Hospital, b.Start.AddDays(1)));
        Assert.Null(c.Evaluation);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(3, false)]
    public void CompleteCollectionPlan_WhenTheCollectionFollowsTheMobilisationStart_NeedsFourGcsfDays(int days, bool accepted)
    {
        var b = new CaseBuilder();
        var c = b.At(S.CollectionPlan);
        var plan = b.Plan() with { CollectionDates = [b.Day0.AddDays(10 + days)] };

        if (accepted)
        {
            c.CompleteCollectionPlan(plan, CaseBuilder.City, b.Now);
            Assert.Equal(S.AdmissionAndMobilisation, c.Status);
        }
        else
        {
            Refused("plan.collection_dates[0]", () => c.CompleteCollectionPlan(plan, CaseBuilder.City, b.Now));
        }
    }

    public static TheoryData<string, Func<CaseBuilder, CollectionPlan>> BadPlans() => new()
    {
        { "plan.admission_date", b => b.Plan() with { AdmissionDate = b.Day0, MobilisationStart = b.Day0 } },
        { "plan.mobilisation_start", b => b.Plan() with { MobilisationStart = b.Day0.AddDays(9) } },
        { "plan.collection_dates", b => b.Plan() with { CollectionDates = [] } },
        { "plan.collection_dates[1]", b => b.Plan() with { CollectionDates = [b.Day0.AddDays(14), b.Day0.AddDays(14)] } },
        { "plan.product", b => b.Plan() with { Product = ProductKind.Lymphocytes } },
        { "plan.product", b => b.Plan() with { Product = (ProductKind)9 } },
        { "plan.target_cd34_per_kg", b => b.Plan() with { TargetCd34PerKg = 0 } },
        { "plan.transplant_centre", b => b.Plan() with { TransplantCentre = "" } },
        { "plan.courier", b => b.Plan() with { Courier = new string('x', 201) } },
        { "plan.conditioning_start", b => b.Plan() with { ConditioningStart = default } },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void CompleteCollectionPlan_WithABadPlan_NamesTheField(string field, Func<CaseBuilder, CollectionPlan> plan)
    {
        var b = new CaseBuilder();
        var c = b.At(S.CollectionPlan);

        Refused(field, () => c.CompleteCollectionPlan(plan(b), CaseBuilder.City, b.Now));
        Assert.Null(c.Plan);
    }

    [Fact]
    public void CompleteCollectionPlan_ForBoneMarrow_NeedsNoMobilisationDays()
    {
        var b = new CaseBuilder();
        var c = b.At(S.CollectionPlan);

        c.CompleteCollectionPlan(b.Plan(ProductKind.BoneMarrow) with { CollectionDates = [b.Day0.AddDays(10)] }, CaseBuilder.City, b.Now);

        Assert.Equal(S.AdmissionAndMobilisation, c.Status);
    }

    public static TheoryData<string, int[], string> DoseRuns() => new()
    {
        { "four consecutive days", [10, 11, 12, 13], "" },
        { "five days", [9, 10, 11, 12, 13], "" },
        { "three days", [11, 12, 13], "mobilisation.gcsf_doses" },
        { "four days with a gap", [9, 10, 12, 13], "mobilisation.gcsf_doses" },
        { "the fourth on the collection day", [11, 12, 13, 14], "mobilisation.gcsf_doses" },
        { "twice the same day", [10, 11, 12, 13, 13], "mobilisation.gcsf_doses[4].day" },
        { "before the admission", [8, 10, 11, 12, 13], "mobilisation.gcsf_doses[0].day" },
        { "in the future", [10, 11, 12, 13, 15], "mobilisation.gcsf_doses[4].day" },
    };

    [Theory]
    [MemberData(nameof(DoseRuns))]
    public void CompleteMobilisation_ForEachRunOfDailyRecords_NeedsFourConsecutiveDaysBeforeTheCollection(string run, int[] days, string field)
    {
        var b = new CaseBuilder();
        var c = b.At(S.AdmissionAndMobilisation);
        var record = new MobilisationRecord(b.Day0.AddDays(9), [.. days.Select(d => new GcsfDose(b.Day0.AddDays(d), 600m, null))]);
        var now = b.Start.AddDays(14).AddHours(1);

        if (field.Length == 0)
        {
            c.CompleteMobilisation(record, CaseBuilder.Hospital, now);
            Assert.Equal(S.CollectionAndHandover, c.Status);
        }
        else
        {
            Refused(field, () => c.CompleteMobilisation(record, CaseBuilder.Hospital, now));
            Assert.True(c.Mobilisation is null, run);
        }
    }

    [Fact]
    public void CompleteMobilisation_WithAZeroDose_NamesIt()
    {
        var b = new CaseBuilder();
        var c = b.At(S.AdmissionAndMobilisation);
        var record = b.Mobilisation() with { Doses = [.. b.Mobilisation().Doses.Select((d, i) => i == 2 ? d with { DoseMicrograms = 0 } : d)] };

        Refused("mobilisation.gcsf_doses[2].dose_micrograms", () => c.CompleteMobilisation(record, CaseBuilder.Hospital, b.Start.AddDays(14)));
    }

    public static TheoryData<string, Func<CaseBuilder, HandoverRecord>> BadHandovers() => new()
    {
        { "handover.sessions", b => b.Handover() with { Sessions = [] } },
        { "handover.sessions[0].collected_on", b => b.Handover() with { Sessions = [new ApheresisSession(b.Day0.AddDays(13), 150, 5)] } },
        { "handover.sessions[0].volume_ml", b => b.Handover() with { Sessions = [new ApheresisSession(b.Day0.AddDays(14), 0, 5)] } },
        { "handover.sessions[0].cd34_per_kg", b => b.Handover() with { Sessions = [new ApheresisSession(b.Day0.AddDays(14), 150, 0)] } },
        { "handover.product_id", b => b.Handover() with { ProductId = "" } },
        { "handover.courier", b => b.Handover() with { Courier = " " } },
        { "handover.receiving_centre", b => b.Handover() with { ReceivingCentre = "" } },
        { "handover.witness", b => b.Handover() with { Witness = "" } },
        { "handover.handed_over_at", b => b.Handover() with { HandedOverAt = b.Start.AddDays(20) } },
        { "handover.handed_over_at", b => b.Handover() with { HandedOverAt = b.Start.AddDays(13) } },
    };

    [Theory]
    [MemberData(nameof(BadHandovers))]
    public void CompleteHandover_WithABadRecord_NamesTheField(string field, Func<CaseBuilder, HandoverRecord> record)
    {
        var b = new CaseBuilder();
        var c = b.At(S.CollectionAndHandover);

        Refused(field, () => c.CompleteHandover(record(b), CollectionPolicy.Default, CaseBuilder.Hospital, b.Start.AddDays(14).AddHours(8)));
        Assert.Null(c.DonatedAt);
        Assert.Empty(c.FollowUps);
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void CompleteHandover_ForAnInternationalDonation_NeedsExportPapers(bool international, bool papers, bool accepted)
    {
        var b = new CaseBuilder { International = international };
        var c = b.At(S.CollectionAndHandover);
        var record = b.Handover() with { ExportPapers = papers ? ["EXPORT-7"] : [] };

        if (accepted)
        {
            c.CompleteHandover(record, CollectionPolicy.Default, CaseBuilder.Hospital, b.Start.AddDays(14).AddHours(8));
            Assert.Equal(S.FollowUp, c.Status);
        }
        else
        {
            Refused("handover.export_papers", () => c.CompleteHandover(record, CollectionPolicy.Default, CaseBuilder.Hospital, b.Start.AddDays(14).AddHours(8)));
        }
    }

    [Fact]
    public void CompleteHandover_OnThePlansCollectionDate_IsAccepted()
    {
        var b = new CaseBuilder();
        var c = b.At(S.CollectionAndHandover);

        c.CompleteHandover(b.Handover(), CollectionPolicy.Default, CaseBuilder.Hospital, b.Start.AddDays(14).AddHours(8));

        Assert.Equal(b.Start.AddDays(14).AddHours(6), c.DonatedAt);
    }

    [Theory]
    [InlineData(AdverseEventSeverity.Mild, false)]
    [InlineData(AdverseEventSeverity.Moderate, false)]
    [InlineData(AdverseEventSeverity.Serious, true)]
    public void RecordFollowUpVisit_WithAnAdverseEvent_FlagsOnlySeriousOnesForReporting(AdverseEventSeverity severity, bool report)
    {
        var b = new CaseBuilder();
        var c = b.At(S.FollowUp, guardsMet: false);

        var visit = c.RecordFollowUpVisit(7, b.Day0.AddDays(21), HealthStatus.Unwell, [new AdverseEvent("fever", severity)], null,
            CaseBuilder.Local, b.Start.AddDays(21));

        Assert.Equal(report, visit.ReportRequired);
        Assert.Equal(report, c.SeriousAdverseEvent);
    }

    [Fact]
    public void RecordFollowUpVisit_ForAnUnscheduledDayOrTwice_IsRefused()
    {
        var b = new CaseBuilder();
        var c = b.At(S.FollowUp);

        Refused("day", () => c.RecordFollowUpVisit(8, b.Day0.AddDays(22), HealthStatus.Well, [], null, CaseBuilder.Local, b.Start.AddDays(22)));
        Assert.Throws<DuplicateException>(() =>
            c.RecordFollowUpVisit(7, b.Day0.AddDays(22), HealthStatus.Well, [], null, CaseBuilder.Local, b.Start.AddDays(22)));
        Refused("visited_on", () => c.RecordFollowUpVisit(30, b.Day0.AddDays(13), HealthStatus.Well, [], null, CaseBuilder.Local, b.Start.AddDays(22)));
        Refused("adverse_events[0].description", () => c.RecordFollowUpVisit(30, b.Day0.AddDays(22), HealthStatus.Well,
            [new AdverseEvent("", AdverseEventSeverity.Mild)], null, CaseBuilder.Local, b.Start.AddDays(22)));
    }

    [Fact]
    public void RecordFollowUpVisit_AfterTheCaseClosed_IsStillRecorded()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Closed);

        c.RecordFollowUpVisit(90, b.Day0.AddDays(104), HealthStatus.Well, [], "all well", CaseBuilder.Local, b.Start.AddDays(105));

        Assert.Equal(S.Closed, c.Status);
        Assert.True(c.FollowUps.Single(f => f.Day == 90).IsRecorded);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void AttachArchiveDocument_WithoutAValidSha256_IsRefused(string hash)
    {
        var b = new CaseBuilder();
        var c = b.At(S.Archiving, guardsMet: false);

        Refused("sha256", () => c.AttachArchiveDocument(DocumentKind.InformedConsent, "DMS-1", hash, CaseBuilder.City, b.Now));
    }

    [Fact]
    public void AttachArchiveDocument_ExportPapersOfANationalDonation_IsRefused()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Archiving, guardsMet: false);

        Refused("kind", () => c.AttachArchiveDocument(DocumentKind.ExportPapers, "DMS-1", new string('e', 64), CaseBuilder.City, b.Now));
    }

    [Fact]
    public void AttachArchiveDocument_TwiceForOneKind_KeepsTheLatest()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Archiving, guardsMet: false);

        c.AttachArchiveDocument(DocumentKind.InformedConsent, "DMS-1", new string('A', 64), CaseBuilder.City, b.Now);
        c.AttachArchiveDocument(DocumentKind.InformedConsent, "DMS-2", new string('B', 64), CaseBuilder.City, b.Now);

        var doc = Assert.Single(c.Documents, d => d.Kind == DocumentKind.InformedConsent);
        Assert.Equal("DMS-2", doc.Reference);
        Assert.Equal(new string('b', 64), doc.Sha256);
    }

    [Theory]
    [InlineData(FeeCategory.HospitalStay, 30_000, 3, true, "")]
    [InlineData(FeeCategory.HospitalStay, 30_001, 3, false, "items[0].unit_fen")]
    [InlineData(FeeCategory.Drugs, 0, 1, false, "items[0].unit_fen")]
    [InlineData(FeeCategory.Drugs, 100, 0, false, "items[0].quantity")]
    [InlineData((FeeCategory)42, 100, 1, false, "items[0].category")]
    public void RecordFeeItems_AgainstTheFeeStandard_AcceptsUpToTheStandard(FeeCategory category, long unit, int quantity, bool accepted, string field)
    {
        var b = new CaseBuilder();
        var c = b.At(S.FeeSettlement, guardsMet: false);

        if (accepted)
        {
            c.RecordFeeItems([(category, "", quantity, unit)], CaseBuilder.Standard, CaseBuilder.City, b.Now);
            Assert.Equal(unit * quantity, c.TotalFen);
        }
        else
        {
            Refused(field, () => c.RecordFeeItems([(category, "", quantity, unit)], CaseBuilder.Standard, CaseBuilder.City, b.Now));
            Assert.Empty(c.Fees);
        }
    }

    [Fact]
    public void RecordFeeItems_WhenTheCityHasNoStandardOrTheCategoryIsNotInIt_IsRefused()
    {
        var b = new CaseBuilder();
        var c = b.At(S.FeeSettlement, guardsMet: false);
        var narrow = CaseBuilder.Standard with { MaxUnitFen = new Dictionary<FeeCategory, long> { [FeeCategory.Drugs] = 10 } };

        Refused("items", () => c.RecordFeeItems([(FeeCategory.Drugs, "", 1, 5)], null, CaseBuilder.City, b.Now));
        Refused("items[0].category", () => c.RecordFeeItems([(FeeCategory.Transport, "", 1, 5)], narrow, CaseBuilder.City, b.Now));
    }

    [Fact]
    public void Suspend_WithoutAReason_IsRefused()
    {
        var b = new CaseBuilder();
        var c = b.Open();

        Refused("reason", () => c.Suspend(" ", CaseBuilder.City, b.Now));
        Assert.Equal(S.MedicalExam, c.Status);
    }
}
