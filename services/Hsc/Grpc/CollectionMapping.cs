using System.Globalization;
using DonationRegistry.Hsc.Application.Collection;
using DonationRegistry.Hsc.Domain.Collection;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using D = DonationRegistry.Hsc.Domain.Collection;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>Domain ↔ message translation for the CollectionCases API (enums share their numbers).</summary>
public static class CollectionMapping
{
    public static V1.CollectionCase ToMessage(D.CollectionCase c, Common.Actor caller, bool withTimeline)
    {
        var m = new V1.CollectionCase
        {
            Name = CollectionNames.Case(c.Id),
            DonorRequest = CollectionNames.DonorRequest(c.RequestId),
            Donor = $"donors/{c.DonorId}",
            CityRegion = c.CityRegion,
            LocalRegion = c.LocalRegion,
            HospitalOrgId = c.HospitalOrgId,
            International = c.International,
            Independent = c.Independent,
            SecondOf = c.SecondOfCaseId is { } first ? CollectionNames.Case(first) : "",
            SecondDonationKind = (V1.SecondDonationKind)(int)(c.SecondDonationKind ?? 0),
            Status = (V1.CollectionCaseStatus)(int)c.Status,
            SuspendedFrom = (V1.CollectionCaseStatus)(int)(c.SuspendedFrom ?? 0),
            StepStartedAt = Timestamp.FromDateTimeOffset(c.StepStartedAt),
            WaitingFor = (V1.CaseParty)(int)(c.WaitingFor ?? 0),
            AllowedTriggers = { CollectionProcedure.AllowedIn(c.Status).Select(t => t.ToString()) },
            CallerMay = { c.PermittedFor(caller).Select(t => t.ToString()) },
            EvaluationCoSignedBy = c.EvaluationCoSignature?.UserId ?? "",
            EvaluationCoSignedAt = c.EvaluationCoSignature is { } sig ? Timestamp.FromDateTimeOffset(sig.At) : null,
            ArchiveNumber = c.ArchiveNumber ?? "",
            TotalFen = c.TotalFen,
            CancellationReason = (V1.CancellationReason)(int)(c.CancellationReason ?? 0),
            CancelledBy = (V1.DecidingParty)(int)(c.CancelledBy ?? 0),
            CancellationNote = c.CancellationNote ?? "",
            CriticalWithdrawal = c.CriticalWithdrawal,
            SeriousAdverseEvent = c.SeriousAdverseEvent,
            OpenTime = Timestamp.FromDateTimeOffset(c.OpenedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(c.UpdatedAt),
            Etag = CollectionCommands.ETag(c),
        };
        if (c.MedicalExam is { } exam)
        {
            m.MedicalExam = new V1.MedicalExamRecord { ExamDate = Text(exam.ExamDate), Hospital = exam.Hospital, Results = exam.Results, Passed = exam.Passed };
        }
        if (c.Evaluation is { } ev)
        {
            m.Evaluation = new V1.EvaluationRecord
            {
                EvaluatedOn = Text(ev.EvaluatedOn), Fit = ev.Fit, InformedConsentSigned = ev.InformedConsentSigned,
                ConsentDocument = ev.ConsentDocument, PsychologicallyReady = ev.PsychologicallyReady, Notes = ev.Notes ?? "",
                CareContactConsent = ev.CareContactConsent,
            };
        }
        if (c.Plan is { } plan)
        {
            m.Plan = new V1.CollectionPlanRecord
            {
                AdmissionDate = Text(plan.AdmissionDate), MobilisationStart = Text(plan.MobilisationStart),
                CollectionDates = { plan.CollectionDates.Select(Text) }, Product = (V1.ProductKind)(int)plan.Product,
                TargetCd34PerKg = (double)plan.TargetCd34PerKg, TransplantCentre = plan.TransplantCentre, Courier = plan.Courier,
                ConditioningStart = Text(plan.ConditioningStart),
            };
        }
        if (c.Mobilisation is { } mob)
        {
            m.Mobilisation = new V1.MobilisationRecord
            {
                AdmittedOn = Text(mob.AdmittedOn),
                GcsfDoses = { mob.Doses.Select(d => new V1.GcsfDose { Day = Text(d.Day), DoseMicrograms = (double)d.DoseMicrograms, SideEffects = d.SideEffects ?? "" }) },
            };
        }
        if (c.Handover is { } h)
        {
            m.Handover = new V1.HandoverRecord
            {
                Sessions = { h.Sessions.Select(s => new V1.ApheresisSession { CollectedOn = Text(s.CollectedOn), VolumeMl = (double)s.VolumeMl, Cd34PerKg = (double)s.Cd34PerKg }) },
                ProductId = h.ProductId, HandedOverAt = Timestamp.FromDateTimeOffset(h.HandedOverAt), Courier = h.Courier,
                ReceivingCentre = h.ReceivingCentre, ExportPapers = { h.ExportPapers }, Witness = h.Witness,
            };
        }
        m.FollowUps.AddRange(c.FollowUps.OrderBy(f => f.Day).Select(f => new V1.FollowUpVisit
        {
            Day = f.Day, DueOn = Text(f.DueOn), VisitedOn = f.VisitedOn is { } v ? Text(v) : "",
            HealthStatus = (V1.HealthStatus)(int)(f.Health ?? 0),
            AdverseEvents = { f.AdverseEvents.Select(a => new V1.AdverseEvent { Description = a.Description, Severity = (V1.AdverseEventSeverity)(int)a.Severity }) },
            ReportRequired = f.ReportRequired, Note = f.Note ?? "",
        }));
        m.Documents.AddRange(c.Documents.OrderBy(d => d.Kind).Select(d => new V1.ArchiveDocument
        {
            Kind = (V1.DocumentKind)(int)d.Kind, Reference = d.Reference, Sha256 = d.Sha256, AttachedBy = d.AttachedBy,
            AttachedAt = Timestamp.FromDateTimeOffset(d.AttachedAt),
        }));
        m.MissingDocuments.AddRange(c.MissingDocuments.Select(k => (V1.DocumentKind)(int)k));
        m.FeeItems.AddRange(c.Fees.Select(f => new V1.FeeItem
        {
            Category = (V1.FeeCategory)(int)f.Category, Description = f.Description, Quantity = f.Quantity, UnitFen = f.UnitFen, AmountFen = f.AmountFen,
        }));
        if (c.Settlement is { } s)
        {
            m.Settlement = new V1.FeeSettlementRecord { Payer = s.Payer, TotalFen = s.TotalFen, SettledOn = Text(s.SettledOn) };
        }
        if (withTimeline)
        {
            m.Timeline.AddRange(c.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new V1.CollectionTimelineEntry
            {
                Trigger = t.Trigger.ToString(), From = (V1.CollectionCaseStatus)(int)t.From, To = (V1.CollectionCaseStatus)(int)t.To,
                Actor = t.ActorUserId, ActorRole = t.ActorRole, ActorOrgId = t.ActorOrgId ?? "", Time = Timestamp.FromDateTimeOffset(t.At),
                Summary = t.Summary ?? "", Reason = t.Reason ?? "",
            }));
        }
        return m;
    }

    public static V1.DueItem ToMessage(DueItem item) => new()
    {
        CollectionCase = CollectionNames.Case(item.CaseId),
        Kind = (V1.DueItemKind)(int)item.Kind,
        Step = (V1.CollectionCaseStatus)(int)item.Step,
        Party = (V1.CaseParty)(int)item.Party,
        Since = item.Since is { } since ? Timestamp.FromDateTimeOffset(since) : null,
        ExpectedBy = item.ExpectedBy is { } by ? Timestamp.FromDateTimeOffset(by) : null,
        FollowUpDay = item.FollowUpDay ?? 0,
        DueOn = item.DueOn is { } due ? Text(due) : "",
    };

    public static MedicalExamRecord ToDomain(V1.MedicalExamRecord? message, CollectionInput input)
    {
        var m = input.Required(message, "medical_exam");
        return new MedicalExamRecord(input.Date(m.ExamDate, "medical_exam.exam_date"), m.Hospital, m.Results, m.Passed);
    }

    public static EvaluationRecord ToDomain(V1.EvaluationRecord? message, CollectionInput input)
    {
        var m = input.Required(message, "evaluation");
        return new EvaluationRecord(input.Date(m.EvaluatedOn, "evaluation.evaluated_on"), m.Fit, m.InformedConsentSigned, m.ConsentDocument,
            m.PsychologicallyReady, string.IsNullOrWhiteSpace(m.Notes) ? null : m.Notes, m.CareContactConsent);
    }

    public static CollectionPlan ToDomain(V1.CollectionPlanRecord? message, CollectionInput input)
    {
        var m = input.Required(message, "plan");
        return new CollectionPlan(input.Date(m.AdmissionDate, "plan.admission_date"), input.Date(m.MobilisationStart, "plan.mobilisation_start"),
            [.. m.CollectionDates.Select((d, i) => input.Date(d, $"plan.collection_dates[{i}]"))],
            input.Enum<ProductKind>((int)m.Product, "plan.product", "PBSC, BONE_MARROW, LYMPHOCYTES"),
            input.Number(m.TargetCd34PerKg, "plan.target_cd34_per_kg"), m.TransplantCentre, m.Courier,
            input.Date(m.ConditioningStart, "plan.conditioning_start"));
    }

    public static MobilisationRecord ToDomain(V1.MobilisationRecord? message, CollectionInput input)
    {
        var m = input.Required(message, "mobilisation");
        return new MobilisationRecord(input.Date(m.AdmittedOn, "mobilisation.admitted_on"),
            [.. m.GcsfDoses.Select((d, i) => new GcsfDose(input.Date(d.Day, $"mobilisation.gcsf_doses[{i}].day"),
                input.Number(d.DoseMicrograms, $"mobilisation.gcsf_doses[{i}].dose_micrograms"),
                string.IsNullOrWhiteSpace(d.SideEffects) ? null : d.SideEffects))]);
    }

    public static HandoverRecord ToDomain(V1.HandoverRecord? message, CollectionInput input)
    {
        var m = input.Required(message, "handover");
        return new HandoverRecord(
            [.. m.Sessions.Select((s, i) => new ApheresisSession(input.Date(s.CollectedOn, $"handover.sessions[{i}].collected_on"),
                input.Number(s.VolumeMl, $"handover.sessions[{i}].volume_ml"), input.Number(s.Cd34PerKg, $"handover.sessions[{i}].cd34_per_kg")))],
            m.ProductId, input.Instant(m.HandedOverAt, "handover.handed_over_at"), m.Courier, m.ReceivingCentre, [.. m.ExportPapers], m.Witness);
    }

    public static IReadOnlyList<AdverseEvent> ToDomain(IEnumerable<V1.AdverseEvent> events, CollectionInput input) =>
        [.. events.Select((e, i) => new AdverseEvent(e.Description,
            input.Enum<AdverseEventSeverity>((int)e.Severity, $"adverse_events[{i}].severity", "MILD, MODERATE, SERIOUS")))];

    public static IReadOnlyList<(FeeCategory, string, int, long)> ToDomain(IEnumerable<V1.FeeItem> items, CollectionInput input) =>
        [.. items.Select((f, i) => (input.Enum<FeeCategory>((int)f.Category, $"items[{i}].category", "a fee category"), f.Description, f.Quantity, f.UnitFen))];

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
