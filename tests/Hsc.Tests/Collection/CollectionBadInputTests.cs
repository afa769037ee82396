using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// Bad input to every kind of collection rpc: INVALID_ARGUMENT naming the field, and nothing written (the case's row and version,
/// its timeline, follow-ups, reminders, audit rows and outbox messages unchanged; for an open, no case for the request). Each row acts
/// on a case in the state its rpc needs, so the refusal is about the data. The counts look only at this row's case or request:
/// other test classes write to the same database at the same time.
/// </summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionBadInputTests(CollectionFixture fixture)
{
    private static readonly Dictionary<CollectionCaseStatus, CollectionCase> Cases = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly CollectionSteps _steps = new(fixture, Parties.Ningbo);

    /// <summary>(what, state of the case, the party calling, the call, the field).</summary>
    public sealed record Row(string What, CollectionCaseStatus State, string Party, Func<CollectionSteps, CollectionCase, CollectionCases.CollectionCasesClient, Task> Call, string Field)
    {
        public override string ToString() => What;
    }

    private static readonly Row[] Table =
    [
        new("open: malformed request name", CollectionCaseStatus.Unspecified, "city",
            (s, c, x) => x.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = "requests/1", HospitalOrgId = "H-1" }).ResponseAsync, "donor_request"),
        new("open: malformed second_of", CollectionCaseStatus.Unspecified, "city",
            (s, c, x) => x.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = c.DonorRequest, SecondOf = "cases/9", HospitalOrgId = "H-1" }).ResponseAsync, "second_of"),
        new("open: unknown second donation kind", CollectionCaseStatus.Unspecified, "city",
            (s, c, x) => x.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = c.DonorRequest, SecondDonationKind = (SecondDonationKind)9 }).ResponseAsync, "second_donation_kind"),
        new("open: no hospital", CollectionCaseStatus.Unspecified, "city",
            (s, c, x) => x.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = c.DonorRequest, HospitalOrgId = " " }).ResponseAsync, "hospital_org_id"),
        new("open: county of another city", CollectionCaseStatus.Unspecified, "city",
            (s, c, x) => x.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = c.DonorRequest, HospitalOrgId = "H-1", LocalRegion = "330106" }).ResponseAsync, "local_region"),
        new("open: second donation kind without the first case", CollectionCaseStatus.Unspecified, "city",
            (s, c, x) => x.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = c.DonorRequest, HospitalOrgId = "H-1", SecondDonationKind = SecondDonationKind.Cells }).ResponseAsync, "second_of"),
        new("get: no purpose", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = c.Name }).ResponseAsync, "purpose"),
        new("get: malformed name", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = "cases/1", Purpose = "p" }).ResponseAsync, "name"),
        new("list: negative page size", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.ListCollectionCasesAsync(new ListCollectionCasesRequest { PageSize = -1, Purpose = "p" }).ResponseAsync, "page_size"),
        new("list: malformed city", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.ListCollectionCasesAsync(new ListCollectionCasesRequest { CityRegion = "33", Purpose = "p" }).ResponseAsync, "city_region"),
        new("list: foreign page token", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.ListCollectionCasesAsync(new ListCollectionCasesRequest { PageToken = "bm90LWEtZ3VpZA", Purpose = "p" }).ResponseAsync, "page_token"),
        new("list: negative year", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.ListCollectionCasesAsync(new ListCollectionCasesRequest { DonationYear = -1, Purpose = "p" }).ResponseAsync, "donation_year"),
        new("list: no purpose", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.ListCollectionCasesAsync(new ListCollectionCasesRequest()).ResponseAsync, "purpose"),
        new("statistics: malformed city", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.GetCollectionStatisticsAsync(new GetCollectionStatisticsRequest { CityRegion = "3302" }).ResponseAsync, "city_region"),
        new("exam: no record", CollectionCaseStatus.MedicalExam, "hospital",
            (s, c, x) => x.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = c.Name }).ResponseAsync, "medical_exam"),
        new("exam: bad date", CollectionCaseStatus.MedicalExam, "hospital",
            (s, c, x) => x.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = With(s.Exam(), e => e.ExamDate = "2026-13-01") }).ResponseAsync, "medical_exam.exam_date"),
        new("exam: tomorrow", CollectionCaseStatus.MedicalExam, "hospital",
            (s, c, x) => x.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = With(s.Exam(), e => e.ExamDate = CollectionSteps.Text(s.Today.AddDays(1))) }).ResponseAsync, "medical_exam.exam_date"),
        new("exam: no hospital", CollectionCaseStatus.MedicalExam, "hospital",
            (s, c, x) => x.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = With(s.Exam(), e => e.Hospital = "") }).ResponseAsync, "medical_exam.hospital"),
        new("exam: no results", CollectionCaseStatus.MedicalExam, "hospital",
            (s, c, x) => x.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = With(s.Exam(), e => e.Results = " ") }).ResponseAsync, "medical_exam.results"),
        new("suspend: no reason", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.SuspendCaseAsync(new SuspendCaseRequest { Name = c.Name }).ResponseAsync, "reason"),
        new("cancel: no reason code", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.CancelCaseAsync(new CancelCaseRequest { Name = c.Name, DecidedBy = DecidingParty.Donor }).ResponseAsync, "reason"),
        new("cancel: no deciding party", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.CancelCaseAsync(new CancelCaseRequest { Name = c.Name, Reason = CancellationReason.DonorWithdrew }).ResponseAsync, "decided_by"),
        new("archive: short hash", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest { Name = c.Name, Kind = DocumentKind.InformedConsent, Reference = "D", Sha256 = "abc" }).ResponseAsync, "sha256"),
        new("archive: no kind", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest { Name = c.Name, Reference = "D", Sha256 = CollectionSteps.Sha256Of("a") }).ResponseAsync, "kind"),
        new("archive: no reference", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest { Name = c.Name, Kind = DocumentKind.InformedConsent, Sha256 = CollectionSteps.Sha256Of("a") }).ResponseAsync, "reference"),
        new("archive: export papers of a national donation", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest { Name = c.Name, Kind = DocumentKind.ExportPapers, Reference = "D", Sha256 = CollectionSteps.Sha256Of("a") }).ResponseAsync, "kind"),
        new("fees: above the standard", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.RecordFeeItemsAsync(new RecordFeeItemsRequest { Name = c.Name, Items = { new FeeItem { Category = FeeCategory.HospitalStay, Quantity = 2, UnitFen = 40_001 } } }).ResponseAsync, "items[0].unit_fen"),
        new("fees: no quantity", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.RecordFeeItemsAsync(new RecordFeeItemsRequest { Name = c.Name, Items = { new FeeItem { Category = FeeCategory.Drugs, UnitFen = 100 } } }).ResponseAsync, "items[0].quantity"),
        new("fees: no category", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.RecordFeeItemsAsync(new RecordFeeItemsRequest { Name = c.Name, Items = { new FeeItem { Quantity = 1, UnitFen = 100 } } }).ResponseAsync, "items[0].category"),
        new("fees: none", CollectionCaseStatus.MedicalExam, "city",
            (s, c, x) => x.RecordFeeItemsAsync(new RecordFeeItemsRequest { Name = c.Name }).ResponseAsync, "items"),
        new("evaluation: consent not signed", CollectionCaseStatus.Evaluation, "hospital",
            (s, c, x) => x.RecordEvaluationAsync(new RecordEvaluationRequest { Name = c.Name, Evaluation = With(s.Evaluation(), e => e.InformedConsentSigned = false) }).ResponseAsync, "evaluation.informed_consent_signed"),
        new("evaluation: no consent document", CollectionCaseStatus.Evaluation, "hospital",
            (s, c, x) => x.RecordEvaluationAsync(new RecordEvaluationRequest { Name = c.Name, Evaluation = With(s.Evaluation(), e => e.ConsentDocument = "") }).ResponseAsync, "evaluation.consent_document"),
        new("evaluation: not ready", CollectionCaseStatus.Evaluation, "hospital",
            (s, c, x) => x.RecordEvaluationAsync(new RecordEvaluationRequest { Name = c.Name, Evaluation = With(s.Evaluation(), e => e.PsychologicallyReady = false) }).ResponseAsync, "evaluation.psychologically_ready"),
        new("evaluation: no date", CollectionCaseStatus.Evaluation, "hospital",
            (s, c, x) => x.RecordEvaluationAsync(new RecordEvaluationRequest { Name = c.Name, Evaluation = With(s.Evaluation(), e => e.EvaluatedOn = "") }).ResponseAsync, "evaluation.evaluated_on"),
        new("plan: three G-CSF days", CollectionCaseStatus.CollectionPlan, "city",
            (s, c, x) => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = With(s.Plan(), p => { p.CollectionDates.Clear(); p.CollectionDates.Add(CollectionSteps.Text(s.Today.AddDays(4))); }) }).ResponseAsync, "plan.collection_dates[0]"),
        new("plan: no collection date", CollectionCaseStatus.CollectionPlan, "city",
            (s, c, x) => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = With(s.Plan(), p => p.CollectionDates.Clear()) }).ResponseAsync, "plan.collection_dates"),
        new("plan: no product", CollectionCaseStatus.CollectionPlan, "city",
            (s, c, x) => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = With(s.Plan(), p => p.Product = ProductKind.Unspecified) }).ResponseAsync, "plan.product"),
        new("plan: lymphocytes in a first donation", CollectionCaseStatus.CollectionPlan, "city",
            (s, c, x) => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = s.Plan(ProductKind.Lymphocytes) }).ResponseAsync, "plan.product"),
        new("plan: no cell dose", CollectionCaseStatus.CollectionPlan, "city",
            (s, c, x) => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = With(s.Plan(), p => p.TargetCd34PerKg = 0) }).ResponseAsync, "plan.target_cd34_per_kg"),
        new("plan: admission in the past", CollectionCaseStatus.CollectionPlan, "city",
            (s, c, x) => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = With(s.Plan(), p => { p.AdmissionDate = CollectionSteps.Text(s.Today.AddDays(-1)); p.MobilisationStart = p.AdmissionDate; }) }).ResponseAsync, "plan.admission_date"),
        new("plan: no transplant centre", CollectionCaseStatus.CollectionPlan, "city",
            (s, c, x) => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = With(s.Plan(), p => p.TransplantCentre = "") }).ResponseAsync, "plan.transplant_centre"),
        new("plan: no conditioning date", CollectionCaseStatus.CollectionPlan, "city",
            (s, c, x) => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = With(s.Plan(), p => p.ConditioningStart = "") }).ResponseAsync, "plan.conditioning_start"),
        new("mobilisation: three days", CollectionCaseStatus.AdmissionAndMobilisation, "hospital",
            (s, c, x) => x.CompleteMobilisationAsync(new CompleteMobilisationRequest { Name = c.Name, Mobilisation = With(CollectionSteps.Mobilisation(c), m => m.GcsfDoses.RemoveAt(3)) }).ResponseAsync, "mobilisation.gcsf_doses"),
        new("mobilisation: zero dose", CollectionCaseStatus.AdmissionAndMobilisation, "hospital",
            (s, c, x) => x.CompleteMobilisationAsync(new CompleteMobilisationRequest { Name = c.Name, Mobilisation = With(CollectionSteps.Mobilisation(c), m => m.GcsfDoses[0].DoseMicrograms = 0) }).ResponseAsync, "mobilisation.gcsf_doses[0].dose_micrograms"),
        new("mobilisation: bad day", CollectionCaseStatus.AdmissionAndMobilisation, "hospital",
            (s, c, x) => x.CompleteMobilisationAsync(new CompleteMobilisationRequest { Name = c.Name, Mobilisation = With(CollectionSteps.Mobilisation(c), m => m.GcsfDoses[0].Day = "day one") }).ResponseAsync, "mobilisation.gcsf_doses[0].day"),
        new("handover: session before the plan", CollectionCaseStatus.CollectionAndHandover, "hospital",
            (s, c, x) => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = With(CollectionSteps.Handover(c), h => h.Sessions[0].CollectedOn = CollectionSteps.Text(CollectionSteps.Parse(c.Plan.CollectionDates[0]).AddDays(-1))) }).ResponseAsync, "handover.sessions[0].collected_on"),
        new("handover: no volume", CollectionCaseStatus.CollectionAndHandover, "hospital",
            (s, c, x) => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = With(CollectionSteps.Handover(c), h => h.Sessions[0].VolumeMl = 0) }).ResponseAsync, "handover.sessions[0].volume_ml"),
        new("handover: no CD34+", CollectionCaseStatus.CollectionAndHandover, "hospital",
            (s, c, x) => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = With(CollectionSteps.Handover(c), h => h.Sessions[0].Cd34PerKg = 0) }).ResponseAsync, "handover.sessions[0].cd34_per_kg"),
        new("handover: no courier", CollectionCaseStatus.CollectionAndHandover, "hospital",
            (s, c, x) => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = With(CollectionSteps.Handover(c), h => h.Courier = "") }).ResponseAsync, "handover.courier"),
        new("handover: no hand-over time", CollectionCaseStatus.CollectionAndHandover, "hospital",
            (s, c, x) => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = With(CollectionSteps.Handover(c), h => h.HandedOverAt = null) }).ResponseAsync, "handover.handed_over_at"),
        new("handover: no receiving centre", CollectionCaseStatus.CollectionAndHandover, "hospital",
            (s, c, x) => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = With(CollectionSteps.Handover(c), h => h.ReceivingCentre = " ") }).ResponseAsync, "handover.receiving_centre"),
        new("handover: no sessions", CollectionCaseStatus.CollectionAndHandover, "hospital",
            (s, c, x) => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = With(CollectionSteps.Handover(c), h => h.Sessions.Clear()) }).ResponseAsync, "handover.sessions"),
        new("visit: unscheduled day", CollectionCaseStatus.FollowUp, "local",
            (s, c, x) => x.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest { Name = c.Name, Day = 8, VisitedOn = CollectionSteps.Text(s.Today), HealthStatus = HealthStatus.Well }).ResponseAsync, "day"),
        new("visit: no health status", CollectionCaseStatus.FollowUp, "local",
            (s, c, x) => x.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest { Name = c.Name, Day = 7, VisitedOn = CollectionSteps.Text(s.Today) }).ResponseAsync, "health_status"),
        new("visit: adverse event without severity", CollectionCaseStatus.FollowUp, "local",
            (s, c, x) => x.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest { Name = c.Name, Day = 7, VisitedOn = CollectionSteps.Text(s.Today), HealthStatus = HealthStatus.Unwell, AdverseEvents = { new AdverseEvent { Description = "fever" } } }).ResponseAsync, "adverse_events[0].severity"),
        new("visit: bad date", CollectionCaseStatus.FollowUp, "local",
            (s, c, x) => x.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest { Name = c.Name, Day = 7, VisitedOn = "7/1", HealthStatus = HealthStatus.Well }).ResponseAsync, "visited_on"),
    ];

    public static TheoryData<Row> Rows() => [.. Table];

    [Fact]
    public void Table_HasAtLeastThirtyRows() => Assert.True(Table.Length >= 30, $"{Table.Length} rows");

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Rpc_WithBadInput_IsInvalidArgumentNamingTheFieldAndWritesNothing(Row row)
    {
        var c = row.State == CollectionCaseStatus.Unspecified
            ? new CollectionCase { DonorRequest = (await _steps.SelectedRequestAsync()).Request }
            : await CaseAtAsync(row.State);
        var client = row.Party switch
        {
            "city" => await _steps.CityAsync(),
            "local" => await _steps.LocalAsync(),
            _ => await _steps.HospitalAsync(),
        };
        var subject = SubjectOf(c);
        var before = await RowsAboutAsync(subject);

        var violations = await RpcAssert.InvalidAsync(row.Field, null, () => row.Call(_steps, c, client));

        Assert.True(violations.Contains(row.Field), $"{row.What}: {string.Join("; ", violations)}");
        Assert.Equal(before, await RowsAboutAsync(subject));
    }

    private async Task<CollectionCase> CaseAtAsync(CollectionCaseStatus state)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Cases.TryGetValue(state, out var c))
            {
                c = await _steps.AtAsync(state);
                Cases[state] = c;
            }
            if (state == CollectionCaseStatus.AdmissionAndMobilisation)
            {
                // The doses are dated before the collection day: stand on it.
                _steps.ClockTo(CollectionSteps.Parse(c.Plan.CollectionDates[0]), 8);
            }
            return c;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The case the row acts on, or (for an open) the donor request a new case would be opened for.</summary>
    private static Guid SubjectOf(CollectionCase c) => Guid.Parse((string.IsNullOrEmpty(c.Name) ? c.DonorRequest : c.Name).Split('/')[^1]);

    /// <summary>Every row that a write about <paramref name="subject"/> (a case id or a donor request id) would add or change.</summary>
    private async Task<string> RowsAboutAsync(Guid subject)
    {
        var text = subject.ToString();
        return string.Join(",",
            await fixture.CountAsync($"SELECT count(*) AS \"Value\" FROM collection_cases WHERE \"Id\" = {subject} OR \"RequestId\" = {subject}"),
            await fixture.CountAsync($"SELECT coalesce(max(xmin::text::bigint), 0) AS \"Value\" FROM collection_cases WHERE \"Id\" = {subject}"),
            await fixture.CountAsync($"SELECT count(*) AS \"Value\" FROM collection_timeline WHERE \"CaseId\" = {subject}"),
            await fixture.CountAsync($"SELECT count(*) AS \"Value\" FROM collection_follow_ups WHERE \"CaseId\" = {subject}"),
            await fixture.CountAsync($"SELECT count(*) AS \"Value\" FROM collection_reminders WHERE \"CaseId\" = {subject}"),
            await fixture.CountAsync($"SELECT count(*) AS \"Value\" FROM audit_log WHERE \"SubjectId\" = {subject}"),
            await fixture.CountAsync($"SELECT count(*) AS \"Value\" FROM outbox_messages WHERE body::text LIKE '%' || {text} || '%'"));
    }

    private static T With<T>(T message, Action<T> change)
    {
        change(message);
        return message;
    }
}
