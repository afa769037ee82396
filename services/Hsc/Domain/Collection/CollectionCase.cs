using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using S = DonationRegistry.Hsc.Domain.Collection.CollectionCaseStatus;
using T = DonationRegistry.Hsc.Domain.Collection.CollectionTrigger;

namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>
/// A collection case (采集案例): one donor's way from selection to a settled, archived donation through the eight steps of the
/// Ningbo procedure, with its three parties (the city Red Cross region, the county Red Cross region, the collection hospital).
/// Every change goes through <see cref="CollectionProcedure"/>, checks that the actor is the owning party, validates the step's
/// record and writes a timeline entry. Pure: time comes in as <c>at</c>.
/// </summary>
public sealed class CollectionCase
{
    public const int MaxTextLength = 200;
    public const int MaxResultsLength = 2000;

    private readonly List<CollectionTimelineEntry> _timeline = [];
    private readonly List<FollowUpVisit> _followUps = [];

    private CollectionCase()
    {
    }

    /// <summary>Opens a case for a selected donor request; a second donation names the first case (same donor, donated).</summary>
    public static CollectionCase Open(Guid id, Guid requestId, Guid donorId, string cityRegion, string localRegion, string hospitalOrgId,
        bool international, bool independent, CollectionCase? first, SecondDonationKind? secondKind, Actor actor, DateTimeOffset at)
    {
        var v = new List<FieldViolation>();
        if (!RegionCodes.IsZhejiang(cityRegion) || RegionCodes.CityOf(cityRegion) != cityRegion || cityRegion == RegionCodes.Province)
        {
            v.Add(new FieldViolation("city_region", "A Zhejiang city code (33xx00)."));
        }
        if (!RegionCodes.IsZhejiang(localRegion) || localRegion.EndsWith("00", StringComparison.Ordinal)
            || (RegionCodes.IsWellFormed(cityRegion) && RegionCodes.CityOf(localRegion) != cityRegion))
        {
            v.Add(new FieldViolation("local_region", "A county code (33xxyy) inside the case's city."));
        }
        if (string.IsNullOrWhiteSpace(hospitalOrgId) || hospitalOrgId.Length > 64)
        {
            v.Add(new FieldViolation("hospital_org_id", "The collection hospital's organisation id (1–64 characters)."));
        }
        if (first is null && secondKind is not null)
        {
            v.Add(new FieldViolation("second_of", "A second donation names the first case."));
        }
        if (first is not null)
        {
            if (secondKind is null)
            {
                v.Add(new FieldViolation("second_donation_kind", "A second donation is of cells or lymphocytes."));
            }
            if (first.DonorId != donorId)
            {
                v.Add(new FieldViolation("second_of", "The first case is another donor's."));
            }
            else if (first.DonatedAt is null || first.Status == S.Cancelled)
            {
                v.Add(new FieldViolation("second_of", "The first case has not donated yet."));
            }
        }
        Check(v);
        var c = new CollectionCase
        {
            Id = id,
            RequestId = requestId,
            DonorId = donorId,
            CityRegion = cityRegion,
            LocalRegion = localRegion,
            HospitalOrgId = hospitalOrgId.Trim(),
            International = international,
            Independent = independent,
            SecondOfCaseId = first?.Id,
            SecondDonationKind = secondKind,
            Status = S.MedicalExam,
            OpenedAt = at,
            StepStartedAt = at,
            UpdatedAt = at,
        };
        c._timeline.Add(new CollectionTimelineEntry(T.Open, S.MedicalExam, S.MedicalExam, actor, at,
            Summary(("request", requestId), ("international", international), ("independent", independent), ("second_of", first?.Id),
                ("second_kind", secondKind)), null));
        return c;
    }

    public Guid Id { get; private set; }
    /// <summary>The donor request (in state Selected when the case opened).</summary>
    public Guid RequestId { get; private set; }
    /// <summary>The pseudonymous donor id.</summary>
    public Guid DonorId { get; private set; }
    /// <summary>市红十字会: the city Red Cross region that runs the case.</summary>
    public string CityRegion { get; private set; } = "";
    /// <summary>属地红十字会: the county region of the donor's Red Cross.</summary>
    public string LocalRegion { get; private set; } = "";
    /// <summary>采集医院: the collection hospital's organisation id.</summary>
    public string HospitalOrgId { get; private set; } = "";
    /// <summary>涉外捐献: the product leaves the country (export papers at hand-over).</summary>
    public bool International { get; private set; }
    /// <summary>独立采集: collected independently by the city.</summary>
    public bool Independent { get; private set; }
    /// <summary>2次捐献: the first case of the same donor to the same patient.</summary>
    public Guid? SecondOfCaseId { get; private set; }
    public SecondDonationKind? SecondDonationKind { get; private set; }
    public S Status { get; private set; }
    /// <summary>While suspended: the step to resume.</summary>
    public S? SuspendedFrom { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    /// <summary>When the current step began (overdue steps are measured from it).</summary>
    public DateTimeOffset StepStartedAt { get; private set; }
    public MedicalExamRecord? MedicalExam { get; private set; }
    public EvaluationRecord? Evaluation { get; private set; }
    public CoSignature? EvaluationCoSignature { get; private set; }
    public CollectionPlan? Plan { get; private set; }
    public MobilisationRecord? Mobilisation { get; private set; }
    public HandoverRecord? Handover { get; private set; }
    /// <summary>The hand-over instant: the donation happened (statistics count it in this year).</summary>
    public DateTimeOffset? DonatedAt { get; private set; }
    public IReadOnlyList<ArchiveDocument> Documents { get; private set; } = [];
    public string? ArchiveNumber { get; private set; }
    public IReadOnlyList<FeeItem> Fees { get; private set; } = [];
    public FeeSettlement? Settlement { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public CancellationReason? CancellationReason { get; private set; }
    public DecidingParty? CancelledBy { get; private set; }
    public string? CancellationNote { get; private set; }
    /// <summary>The donor withdrew after the patient's conditioning had started (alerted to the transplant centre and the city).</summary>
    public bool CriticalWithdrawal { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<CollectionTimelineEntry> Timeline => _timeline;
    public IReadOnlyList<FollowUpVisit> FollowUps => _followUps;

    /// <summary>A follow-up visit found a serious adverse event.</summary>
    public bool SeriousAdverseEvent => _followUps.Any(f => f.ReportRequired);

    /// <summary>Which of the case's parties <paramref name="actor"/> acts for, if any (role and organisation must both fit).</summary>
    public CaseParty? PartyOf(Actor actor) => actor.Role switch
    {
        Roles.HscCoordinator when actor.Region == CityRegion => CaseParty.CityRedCross,
        Roles.LocalRedCrossOfficer when actor.Region == LocalRegion => CaseParty.LocalRedCross,
        Roles.CollectionHospitalStaff when actor.OrgId == HospitalOrgId => CaseParty.CollectionHospital,
        _ => null,
    };

    /// <summary>The party that must act next on the current step (Evaluation: the hospital, then the city's co-signature).</summary>
    public CaseParty? WaitingFor => Status switch
    {
        S.Evaluation when Evaluation is not null => CaseParty.CityRedCross,
        _ when CollectionProcedure.Steps.Contains(Status) => CollectionProcedure.OwnerOf(Status),
        _ => null,
    };

    /// <summary>The triggers allowed now (guards evaluated).</summary>
    public IReadOnlyList<T> PermittedTriggers
    {
        get
        {
            var machine = Machine();
            return [.. CollectionProcedure.AllowedIn(Status).Where(t => machine.CanFire(t))];
        }
    }

    /// <summary>The triggers <paramref name="actor"/> may fire now.</summary>
    public IReadOnlyList<T> PermittedFor(Actor actor) =>
        PartyOf(actor) is { } party ? [.. PermittedTriggers.Where(t => CollectionProcedure.PartiesFor(t).Contains(party))] : [];

    /// <summary>The documents the archive needs (export papers only for an international donation).</summary>
    public IReadOnlyList<DocumentKind> RequiredDocuments =>
        [.. Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.ExportPapers || International)];

    public IReadOnlyList<DocumentKind> MissingDocuments =>
        [.. RequiredDocuments.Where(k => Documents.All(d => d.Kind != k))];

    /// <summary>Step 1. A failed exam cancels the case (medically unfit, decided by the hospital).</summary>
    public void CompleteMedicalExam(MedicalExamRecord record, Actor actor, DateTimeOffset at)
    {
        var trigger = record.Passed ? T.CompleteMedicalExam : T.FailMedicalExam;
        Authorise(trigger, actor);
        var v = new List<FieldViolation>();
        var today = ShanghaiDate.Of(at);
        if (record.ExamDate > today)
        {
            v.Add(new FieldViolation("medical_exam.exam_date", "Must not be in the future."));
        }
        if (record.ExamDate < ShanghaiDate.Of(OpenedAt))
        {
            v.Add(new FieldViolation("medical_exam.exam_date", "Must not be before the case was opened."));
        }
        RequireText(v, "medical_exam.hospital", record.Hospital, MaxTextLength);
        RequireText(v, "medical_exam.results", record.Results, MaxResultsLength);
        Check(v);
        MedicalExam = record with { Hospital = record.Hospital.Trim(), Results = record.Results.Trim() };
        if (!record.Passed)
        {
            SetCancellation(Collection.CancellationReason.MedicallyUnfit, DecidingParty.CollectionHospital, "medical exam failed");
        }
        Fire(trigger, actor, at, Summary(("exam_date", record.ExamDate), ("passed", record.Passed)),
            record.Passed ? null : nameof(Collection.CancellationReason.MedicallyUnfit));
    }

    /// <summary>Step 2, the hospital's part: records (or corrects) the evaluation; an unfit donor cancels the case.</summary>
    public void RecordEvaluation(EvaluationRecord record, Actor actor, DateTimeOffset at)
    {
        var trigger = record.Fit ? T.RecordEvaluation : T.FailEvaluation;
        Authorise(trigger, actor);
        var v = new List<FieldViolation>();
        if (record.EvaluatedOn > ShanghaiDate.Of(at))
        {
            v.Add(new FieldViolation("evaluation.evaluated_on", "Must not be in the future."));
        }
        if (MedicalExam is not null && record.EvaluatedOn < MedicalExam.ExamDate)
        {
            v.Add(new FieldViolation("evaluation.evaluated_on", "Must not be before the medical exam."));
        }
        if (record.Fit)
        {
            if (!record.InformedConsentSigned)
            {
                v.Add(new FieldViolation("evaluation.informed_consent_signed", "The donor must have signed the informed consent (知情同意书)."));
            }
            if (!record.PsychologicallyReady)
            {
                v.Add(new FieldViolation("evaluation.psychologically_ready",
                    "A donor not ready must not go on: suspend the case or cancel it instead."));
            }
            RequireText(v, "evaluation.consent_document", record.ConsentDocument, MaxTextLength);
        }
        OptionalText(v, "evaluation.notes", record.Notes, MaxResultsLength);
        Check(v);
        Evaluation = record with { ConsentDocument = record.ConsentDocument.Trim(), Notes = record.Notes?.Trim() };
        // A corrected evaluation needs a new co-signature.
        EvaluationCoSignature = null;
        if (!record.Fit)
        {
            SetCancellation(Collection.CancellationReason.MedicallyUnfit, DecidingParty.CollectionHospital, "evaluation: unfit");
        }
        Fire(trigger, actor, at, Summary(("evaluated_on", record.EvaluatedOn), ("fit", record.Fit), ("consent", record.InformedConsentSigned)),
            record.Fit ? null : nameof(Collection.CancellationReason.MedicallyUnfit));
    }

    /// <summary>Step 2, the city's part: co-signs the recorded evaluation and completes the step.</summary>
    public void CoSignEvaluation(Actor actor, DateTimeOffset at)
    {
        Authorise(T.CoSignEvaluation, actor);
        EvaluationCoSignature = new CoSignature(actor.UserId, actor.OrgId, at);
        Fire(T.CoSignEvaluation, actor, at, "co-signed", null);
    }

    /// <summary>Step 3: the collection plan (dates in order, at least four G-CSF days before the first collection).</summary>
    public void CompleteCollectionPlan(CollectionPlan plan, Actor actor, DateTimeOffset at)
    {
        Authorise(T.CompleteCollectionPlan, actor);
        var v = new List<FieldViolation>();
        var today = ShanghaiDate.Of(at);
        if (plan.AdmissionDate < today)
        {
            v.Add(new FieldViolation("plan.admission_date", "Must not be in the past."));
        }
        if (plan.MobilisationStart < plan.AdmissionDate)
        {
            v.Add(new FieldViolation("plan.mobilisation_start", "Must not be before the admission date."));
        }
        if (plan.CollectionDates.Count is < 1 or > 3)
        {
            v.Add(new FieldViolation("plan.collection_dates", "Give one to three collection dates."));
        }
        else
        {
            for (var i = 1; i < plan.CollectionDates.Count; i++)
            {
                if (plan.CollectionDates[i] <= plan.CollectionDates[i - 1])
                {
                    v.Add(new FieldViolation($"plan.collection_dates[{i}]", "Collection dates must be ascending and distinct."));
                }
            }
            if (plan.Product == ProductKind.Pbsc && plan.CollectionDates[0] < plan.MobilisationStart.AddDays(MinimumGcsfDays))
            {
                v.Add(new FieldViolation("plan.collection_dates[0]",
                    $"PBSC is collected after at least {MinimumGcsfDays} days of G-CSF: not before {plan.MobilisationStart.AddDays(MinimumGcsfDays):yyyy-MM-dd}."));
            }
            if (plan.CollectionDates[0] < plan.AdmissionDate)
            {
                v.Add(new FieldViolation("plan.collection_dates[0]", "Must not be before the admission date."));
            }
        }
        if (!Enum.IsDefined(plan.Product))
        {
            v.Add(new FieldViolation("plan.product", "PBSC, BONE_MARROW or LYMPHOCYTES."));
        }
        else if ((plan.Product == ProductKind.Lymphocytes) != (SecondDonationKind == Collection.SecondDonationKind.Lymphocytes))
        {
            v.Add(new FieldViolation("plan.product", SecondDonationKind == Collection.SecondDonationKind.Lymphocytes
                ? "A lymphocyte second donation collects LYMPHOCYTES."
                : "Lymphocytes are collected only in a second donation of lymphocytes (DLI)."));
        }
        if (plan.TargetCd34PerKg is <= 0 or > 50)
        {
            v.Add(new FieldViolation("plan.target_cd34_per_kg", "CD34+ ×10^6/kg between 0 and 50."));
        }
        RequireText(v, "plan.transplant_centre", plan.TransplantCentre, MaxTextLength);
        RequireText(v, "plan.courier", plan.Courier, MaxTextLength);
        if (plan.ConditioningStart == default)
        {
            v.Add(new FieldViolation("plan.conditioning_start", "The day the patient's conditioning starts."));
        }
        Check(v);
        Plan = plan with { TransplantCentre = plan.TransplantCentre.Trim(), Courier = plan.Courier.Trim() };
        Fire(T.CompleteCollectionPlan, actor, at, Summary(("admission", plan.AdmissionDate), ("collection", plan.CollectionDates[0]),
            ("product", plan.Product), ("conditioning", plan.ConditioningStart)), null);
    }

    /// <summary>The fewest consecutive daily G-CSF injections before the first collection of PBSC.</summary>
    public const int MinimumGcsfDays = 4;

    /// <summary>Step 4: admission and one G-CSF record per day, at least four consecutive days before the first collection.</summary>
    public void CompleteMobilisation(MobilisationRecord record, Actor actor, DateTimeOffset at)
    {
        Authorise(T.CompleteMobilisation, actor);
        var plan = Plan!;
        var v = new List<FieldViolation>();
        var today = ShanghaiDate.Of(at);
        if (record.AdmittedOn > today)
        {
            v.Add(new FieldViolation("mobilisation.admitted_on", "Must not be in the future."));
        }
        var days = new HashSet<DateOnly>();
        for (var i = 0; i < record.Doses.Count; i++)
        {
            var dose = record.Doses[i];
            var field = $"mobilisation.gcsf_doses[{i}]";
            if (dose.Day < record.AdmittedOn)
            {
                v.Add(new FieldViolation(field + ".day", "Must not be before the admission."));
            }
            if (dose.Day > today)
            {
                v.Add(new FieldViolation(field + ".day", "Must not be in the future."));
            }
            if (!days.Add(dose.Day))
            {
                v.Add(new FieldViolation(field + ".day", "One record per day."));
            }
            if (dose.DoseMicrograms is <= 0 or > 2000)
            {
                v.Add(new FieldViolation(field + ".dose_micrograms", "A dose between 0 and 2000 µg."));
            }
            OptionalText(v, field + ".side_effects", dose.SideEffects, MaxTextLength);
        }
        if (plan.Product == ProductKind.Pbsc && LongestRunBefore(days, plan.CollectionDates[0]) < MinimumGcsfDays)
        {
            v.Add(new FieldViolation("mobilisation.gcsf_doses",
                $"At least {MinimumGcsfDays} consecutive daily G-CSF records before the collection date {plan.CollectionDates[0]:yyyy-MM-dd}."));
        }
        Check(v);
        Mobilisation = record with { Doses = [.. record.Doses.OrderBy(d => d.Day).Select(d => d with { SideEffects = d.SideEffects?.Trim() })] };
        Fire(T.CompleteMobilisation, actor, at, Summary(("admitted_on", record.AdmittedOn), ("gcsf_days", record.Doses.Count)), null);
    }

    /// <summary>
    /// Step 5: the apheresis sessions and the hand-over; creates the follow-up schedule (days after the hand-over from
    /// <paramref name="policy"/>).
    /// </summary>
    public void CompleteHandover(HandoverRecord record, CollectionPolicy policy, Actor actor, DateTimeOffset at)
    {
        Authorise(T.CompleteHandover, actor);
        var plan = Plan!;
        var v = new List<FieldViolation>();
        var today = ShanghaiDate.Of(at);
        if (record.Sessions.Count is < 1 or > 3)
        {
            v.Add(new FieldViolation("handover.sessions", "One to three apheresis sessions."));
        }
        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < record.Sessions.Count; i++)
        {
            var s = record.Sessions[i];
            var field = $"handover.sessions[{i}]";
            if (s.CollectedOn < plan.CollectionDates[0])
            {
                v.Add(new FieldViolation(field + ".collected_on", $"Must not be before the plan's collection date {plan.CollectionDates[0]:yyyy-MM-dd}."));
            }
            if (s.CollectedOn > today)
            {
                v.Add(new FieldViolation(field + ".collected_on", "Must not be in the future."));
            }
            if (!dates.Add(s.CollectedOn))
            {
                v.Add(new FieldViolation(field + ".collected_on", "One session per day."));
            }
            if (s.VolumeMl is <= 0 or > 2000)
            {
                v.Add(new FieldViolation(field + ".volume_ml", "A volume between 0 and 2000 ml."));
            }
            if (s.Cd34PerKg is <= 0 or > 100)
            {
                v.Add(new FieldViolation(field + ".cd34_per_kg", "CD34+ ×10^6/kg between 0 and 100."));
            }
        }
        RequireText(v, "handover.product_id", record.ProductId, 64);
        if (record.HandedOverAt > at)
        {
            v.Add(new FieldViolation("handover.handed_over_at", "Must not be in the future."));
        }
        if (dates.Count > 0 && ShanghaiDate.Of(record.HandedOverAt) < dates.Min())
        {
            v.Add(new FieldViolation("handover.handed_over_at", "Must not be before the first session."));
        }
        RequireText(v, "handover.courier", record.Courier, MaxTextLength);
        RequireText(v, "handover.receiving_centre", record.ReceivingCentre, MaxTextLength);
        RequireText(v, "handover.witness", record.Witness, MaxTextLength);
        if (International && record.ExportPapers.Count == 0)
        {
            v.Add(new FieldViolation("handover.export_papers", "An international donation needs its export papers."));
        }
        for (var i = 0; i < record.ExportPapers.Count; i++)
        {
            RequireText(v, $"handover.export_papers[{i}]", record.ExportPapers[i], MaxTextLength);
        }
        Check(v);
        Handover = record with
        {
            ProductId = record.ProductId.Trim(),
            Courier = record.Courier.Trim(),
            ReceivingCentre = record.ReceivingCentre.Trim(),
            Witness = record.Witness.Trim(),
            ExportPapers = [.. record.ExportPapers.Select(p => p.Trim())],
            Sessions = [.. record.Sessions.OrderBy(s => s.CollectedOn)],
        };
        DonatedAt = record.HandedOverAt;
        var handedOverOn = ShanghaiDate.Of(record.HandedOverAt);
        foreach (var day in policy.FollowUpDays.Distinct().Order())
        {
            _followUps.Add(new FollowUpVisit(day, handedOverOn.AddDays(day)));
        }
        Fire(T.CompleteHandover, actor, at, Summary(("sessions", record.Sessions.Count), ("handed_over_at", record.HandedOverAt),
            ("international", International)), null);
    }

    /// <summary>Records the follow-up visit of day <paramref name="day"/> (local Red Cross), also after the case closed.</summary>
    public FollowUpVisit RecordFollowUpVisit(int day, DateOnly visitedOn, HealthStatus health, IReadOnlyList<AdverseEvent> adverseEvents,
        string? note, Actor actor, DateTimeOffset at)
    {
        Authorise(T.RecordFollowUpVisit, actor);
        var visit = _followUps.FirstOrDefault(f => f.Day == day)
            ?? throw new ValidationFailedException("day", $"No visit is scheduled on day {day}; scheduled: {string.Join(", ", _followUps.Select(f => f.Day))}.");
        if (visit.IsRecorded)
        {
            throw new DuplicateException($"The visit of day {day} is already recorded.", "该次回访已记录。");
        }
        var v = new List<FieldViolation>();
        if (visitedOn > ShanghaiDate.Of(at))
        {
            v.Add(new FieldViolation("visited_on", "Must not be in the future."));
        }
        if (DonatedAt is { } donated && visitedOn < ShanghaiDate.Of(donated))
        {
            v.Add(new FieldViolation("visited_on", "Must not be before the hand-over."));
        }
        if (!Enum.IsDefined(health))
        {
            v.Add(new FieldViolation("health_status", "WELL, MINOR_COMPLAINTS or UNWELL."));
        }
        for (var i = 0; i < adverseEvents.Count; i++)
        {
            RequireText(v, $"adverse_events[{i}].description", adverseEvents[i].Description, MaxTextLength);
            if (!Enum.IsDefined(adverseEvents[i].Severity))
            {
                v.Add(new FieldViolation($"adverse_events[{i}].severity", "MILD, MODERATE or SERIOUS."));
            }
        }
        OptionalText(v, "note", note, MaxResultsLength);
        Check(v);
        visit.Record(visitedOn, health, [.. adverseEvents.Select(e => e with { Description = e.Description.Trim() })], note?.Trim(), actor.UserId);
        Fire(T.RecordFollowUpVisit, actor, at, Summary(("day", day), ("health", health), ("adverse_events", adverseEvents.Count),
            ("report_required", visit.ReportRequired)), null);
        return visit;
    }

    /// <summary>Step 6: completes once the first scheduled visit is recorded; later visits go on as scheduled tasks.</summary>
    public void CompleteFollowUp(Actor actor, DateTimeOffset at)
    {
        Authorise(T.CompleteFollowUp, actor);
        Fire(T.CompleteFollowUp, actor, at, Summary(("visits_recorded", _followUps.Count(f => f.IsRecorded))), null);
    }

    /// <summary>Attaches (or replaces) the archive's document of <paramref name="kind"/>: a reference and the content's SHA-256.</summary>
    public void AttachArchiveDocument(DocumentKind kind, string reference, string sha256, Actor actor, DateTimeOffset at)
    {
        Authorise(T.AttachArchiveDocument, actor);
        var v = new List<FieldViolation>();
        if (!Enum.IsDefined(kind))
        {
            v.Add(new FieldViolation("kind", "A document kind of the checklist."));
        }
        else if (kind == DocumentKind.ExportPapers && !International)
        {
            v.Add(new FieldViolation("kind", "Export papers belong only to an international donation."));
        }
        RequireText(v, "reference", reference, MaxTextLength);
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            v.Add(new FieldViolation("sha256", "The SHA-256 of the content: 64 hexadecimal digits."));
        }
        Check(v);
        Documents = [.. Documents.Where(d => d.Kind != kind), new ArchiveDocument(kind, reference.Trim(), sha256.ToLowerInvariant(), actor.UserId, at)];
        Fire(T.AttachArchiveDocument, actor, at, Summary(("kind", kind), ("sha256", sha256.ToLowerInvariant()[..12])), null);
    }

    /// <summary>Step 7: every required document attached → the archive number (given by the caller: unique per city and year).</summary>
    public void CompleteArchiving(string archiveNumber, Actor actor, DateTimeOffset at)
    {
        Authorise(T.CompleteArchiving, actor, () => [$"documents missing: {string.Join(", ", MissingDocuments)}"]);
        ArchiveNumber = archiveNumber;
        Fire(T.CompleteArchiving, actor, at, Summary(("archive_number", archiveNumber), ("documents", Documents.Count)), null);
    }

    /// <summary>Records cost items against the city's fee standard of the year (unit amounts up to the standard).</summary>
    public void RecordFeeItems(IReadOnlyList<(FeeCategory Category, string Description, int Quantity, long UnitFen)> items, FeeStandard? standard,
        Actor actor, DateTimeOffset at)
    {
        Authorise(T.RecordFeeItems, actor);
        var v = new List<FieldViolation>();
        if (standard is null)
        {
            v.Add(new FieldViolation("items", $"No fee standard is configured for {CityRegion} in {ShanghaiDate.Of(at).Year}."));
        }
        if (items.Count is < 1 or > 50)
        {
            v.Add(new FieldViolation("items", "One to fifty items."));
        }
        for (var i = 0; i < items.Count; i++)
        {
            var (category, description, quantity, unitFen) = items[i];
            var field = $"items[{i}]";
            if (!Enum.IsDefined(category))
            {
                v.Add(new FieldViolation(field + ".category", "A category of the fee standard."));
            }
            else if (standard is not null && !standard.MaxUnitFen.ContainsKey(category))
            {
                v.Add(new FieldViolation(field + ".category", $"{category} is not in the fee standard {standard.CityRegion}/{standard.Year}."));
            }
            OptionalText(v, field + ".description", description, MaxTextLength);
            if (quantity is < 1 or > 1000)
            {
                v.Add(new FieldViolation(field + ".quantity", "Between 1 and 1000."));
            }
            if (unitFen <= 0)
            {
                v.Add(new FieldViolation(field + ".unit_fen", "A positive amount in fen."));
            }
            else if (standard is not null && standard.MaxUnitFen.TryGetValue(category, out var max) && unitFen > max)
            {
                v.Add(new FieldViolation(field + ".unit_fen", $"Above the standard of {max} fen for {category} ({standard.CityRegion}/{standard.Year})."));
            }
        }
        Check(v);
        Fees = [.. Fees, .. items.Select(i => new FeeItem(i.Category, (i.Description ?? "").Trim(), i.Quantity, i.UnitFen, actor.UserId, at))];
        Fire(T.RecordFeeItems, actor, at, Summary(("items", items.Count), ("amount_fen", items.Sum(i => i.Quantity * i.UnitFen))), null);
    }

    public long TotalFen => Fees.Sum(f => f.AmountFen);

    /// <summary>Step 8: the fees are settled by <paramref name="payer"/>; the case closes.</summary>
    public void SettleFees(string payer, DateOnly settledOn, Actor actor, DateTimeOffset at)
    {
        Authorise(T.SettleFees, actor);
        var v = new List<FieldViolation>();
        RequireText(v, "payer", payer, MaxTextLength);
        if (settledOn > ShanghaiDate.Of(at))
        {
            v.Add(new FieldViolation("settled_on", "Must not be in the future."));
        }
        Check(v);
        Settlement = new FeeSettlement(payer.Trim(), TotalFen, settledOn);
        ClosedAt = at;
        Fire(T.SettleFees, actor, at, Summary(("payer", payer.Trim()), ("total_fen", TotalFen)), null);
    }

    /// <summary>Pauses the case (donor temporarily unavailable); it resumes at the same step.</summary>
    public void Suspend(string reason, Actor actor, DateTimeOffset at)
    {
        Authorise(T.Suspend, actor);
        var v = new List<FieldViolation>();
        RequireText(v, "reason", reason, MaxTextLength);
        Check(v);
        SuspendedFrom = Status;
        Fire(T.Suspend, actor, at, Summary(("step", Status)), reason.Trim());
    }

    public void Resume(Actor actor, DateTimeOffset at)
    {
        Authorise(T.Resume, actor);
        Fire(T.Resume, actor, at, Summary(("step", SuspendedFrom)), null);
        SuspendedFrom = null;
    }

    /// <summary>
    /// Cancels the case. A donor withdrawal on or after the plan's conditioning start is critical; returns whether it was.
    /// </summary>
    public bool Cancel(CancellationReason reason, DecidingParty decidedBy, string? note, Actor actor, DateTimeOffset at)
    {
        Authorise(T.Cancel, actor);
        var v = new List<FieldViolation>();
        if (!Enum.IsDefined(reason))
        {
            v.Add(new FieldViolation("reason", "DONOR_WITHDREW, MEDICALLY_UNFIT, PATIENT_CONDITION or TRANSPLANT_CENTRE_CANCELLED."));
        }
        if (!Enum.IsDefined(decidedBy))
        {
            v.Add(new FieldViolation("decided_by", "The party that decided."));
        }
        OptionalText(v, "note", note, MaxTextLength);
        Check(v);
        SetCancellation(reason, decidedBy, note?.Trim());
        CriticalWithdrawal = reason == Collection.CancellationReason.DonorWithdrew && Plan is { } plan
            && ShanghaiDate.Of(at) >= plan.ConditioningStart;
        Fire(T.Cancel, actor, at, Summary(("decided_by", decidedBy), ("critical", CriticalWithdrawal)), reason.ToString());
        return CriticalWithdrawal;
    }

    private void SetCancellation(CancellationReason reason, DecidingParty decidedBy, string? note)
    {
        CancellationReason = reason;
        CancelledBy = decidedBy;
        CancellationNote = note;
        SuspendedFrom = null;
    }

    /// <summary>PERMISSION_DENIED unless <paramref name="actor"/> acts for a party allowed <paramref name="trigger"/>; then
    /// FAILED_PRECONDITION unless the state allows it now.</summary>
    private void Authorise(T trigger, Actor actor, Func<ICollection<string>>? explainUnmetGuard = null)
    {
        var allowed = CollectionProcedure.PartiesFor(trigger);
        if (PartyOf(actor) is not { } party || !allowed.Contains(party))
        {
            throw new AccessDeniedException(
                $"{trigger} is done by {string.Join(" or ", allowed)} of this case (role {string.Join("/", allowed.Select(CollectionProcedure.RoleOf))} " +
                "in the case's organisation).",
                "只有该步骤的负责方可以执行此操作。");
        }
        var machine = Machine();
        if (!machine.CanFire(trigger, out var unmet))
        {
            throw CollectionProcedure.Illegal(Status, trigger, unmet is { Count: > 0 } && explainUnmetGuard is not null ? explainUnmetGuard() : unmet);
        }
    }

    private void Fire(T trigger, Actor actor, DateTimeOffset at, string? summary, string? reason)
    {
        var from = Status;
        Machine().Fire(trigger);
        if (Status != from)
        {
            StepStartedAt = at;
        }
        UpdatedAt = at;
        _timeline.Add(new CollectionTimelineEntry(trigger, from, Status, actor, at, summary, reason));
    }

    private Stateless.StateMachine<S, T> Machine() => CollectionProcedure.For(() => Status, s => Status = s, new CollectionGuards(
        EvaluationRecorded: () => Evaluation is { Fit: true },
        FirstVisitRecorded: () => _followUps.Count > 0 && _followUps.OrderBy(f => f.Day).First().IsRecorded,
        ArchiveComplete: () => MissingDocuments.Count == 0,
        FeesRecorded: () => Fees.Count > 0,
        ResumeTo: () => SuspendedFrom ?? S.MedicalExam));

    private static int LongestRunBefore(HashSet<DateOnly> days, DateOnly limit)
    {
        int best = 0;
        foreach (var day in days.Where(d => d < limit))
        {
            if (days.Contains(day.AddDays(-1)))
            {
                continue;
            }
            var run = 0;
            while (days.Contains(day.AddDays(run)) && day.AddDays(run) < limit)
            {
                run++;
            }
            best = Math.Max(best, run);
        }
        return best;
    }

    private static void RequireText(List<FieldViolation> v, string field, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > max)
        {
            v.Add(new FieldViolation(field, $"Required, 1–{max} characters."));
        }
    }

    private static void OptionalText(List<FieldViolation> v, string field, string? text, int max)
    {
        if (text is not null && text.Trim().Length > max)
        {
            v.Add(new FieldViolation(field, $"At most {max} characters."));
        }
    }

    private static void Check(List<FieldViolation> v)
    {
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "输入有误，请检查标出的字段。");
        }
    }

    private static string Summary(params (string Key, object? Value)[] parts) =>
        string.Join(" ", parts.Where(p => p.Value is not null).Select(p => p.Value switch
        {
            DateOnly d => $"{p.Key}={d:yyyy-MM-dd}",
            DateTimeOffset t => $"{p.Key}={t.UtcDateTime:yyyy-MM-ddTHH:mm}Z",
            bool b => $"{p.Key}={(b ? "yes" : "no")}",
            _ => $"{p.Key}={p.Value}",
        }));
}
