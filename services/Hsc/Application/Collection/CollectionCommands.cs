using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Contracts;
using DonationRegistry.Hsc.Application.Requests;
using DonationRegistry.Hsc.Domain.Collection;
using DonationRegistry.Hsc.Domain.Requests;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Messaging;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>
/// Changes of collection cases, each one transaction: the case (with its timeline), the donor request and donor it touches, the
/// audit row and the events (outbox) commit together. The domain decides who may do what and validates the records; this class
/// loads, checks the etag, and adds the effects outside the case: the donor's donation, the request's end, the donor's release,
/// the events.
/// </summary>
public sealed class CollectionCommands(
    HscDbContext db, UnitOfWork unitOfWork, AuditLog audit, DonorReservations reservations, CollectionClock clock,
    IOptions<CollectionOptions> options)
{
    private CollectionOptions Options => options.Value;

    /// <summary>Opens a case for a donor request in state Selected (primary) — city coordinator of the request's city.</summary>
    public Task<CollectionCase> OpenAsync(Caller caller, Guid requestId, string? localRegion, string? hospitalOrgId, bool international,
        bool independent, Guid? secondOf, SecondDonationKind? secondKind, CancellationToken cancellationToken)
    {
        CollectionAccess.RequireCaseRole(caller);
        caller.Require(Roles.HscCoordinator);
        return unitOfWork.RunAsync(async ct =>
        {
            var request = await db.DonorRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct)
                ?? throw new NotFoundException("DonorRequest", CollectionNames.DonorRequest(requestId), "未找到该供者申请。");
            if (caller.Region != request.CityRegion)
            {
                throw new AccessDeniedException($"Only HSC coordinators of {request.CityRegion} open cases for this request.",
                    "只有申请所属城市的造血干细胞工作人员可以开启采集案例。");
            }
            if (await db.CollectionCases.AnyAsync(c => c.RequestId == requestId, ct))
            {
                throw new DuplicateException($"Donor request {requestId} already has a collection case.", "该申请已有采集案例。");
            }
            if (request.Status == DonorRequestStatus.Selected && request.Selection != DonorSelection.Primary)
            {
                throw new IllegalTransitionException($"{request.Status} ({request.Selection})", "OpenCollectionCase", ["SelectDonor"],
                    "只有首选供者可以开启采集案例，请先将其选为首选。");
            }
            CollectionCase? first = null;
            if (secondOf is { } firstId)
            {
                first = await db.CollectionCases.FirstOrDefaultAsync(c => c.Id == firstId, ct)
                    ?? throw new ValidationFailedException("second_of", $"No collection case {CollectionNames.Case(firstId)}.", "未找到首次捐献的采集案例。");
                CollectionAccess.RequireRead(caller, first);
            }
            var local = string.IsNullOrWhiteSpace(localRegion) ? request.DonorRegion : localRegion.Trim();
            var now = clock.Now;
            var actor = caller.ToActor();
            var c = CollectionCase.Open(Guid.CreateVersion7(), request.Id, request.DonorId, request.CityRegion, local, hospitalOrgId ?? "",
                international, independent, first, secondKind, actor, now);
            request.StartCollection(c.Id, now);
            db.CollectionCases.Add(c);
            audit.Changed("OpenCollectionCase", CollectionNames.AuditSubject, c.Id, actor, c.Timeline[^1].Summary);
            return c;
        }, cancellationToken);
    }

    public Task<CollectionCase> CompleteMedicalExamAsync(Caller caller, Guid id, MedicalExamRecord record, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "CompleteMedicalExam", (c, actor, now, _) =>
        {
            c.CompleteMedicalExam(record, actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> RecordEvaluationAsync(Caller caller, Guid id, EvaluationRecord record, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "RecordEvaluation", (c, actor, now, _) =>
        {
            c.RecordEvaluation(record, actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> CoSignEvaluationAsync(Caller caller, Guid id, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "CoSignEvaluation", (c, actor, now, _) =>
        {
            c.CoSignEvaluation(actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> CompleteCollectionPlanAsync(Caller caller, Guid id, CollectionPlan plan, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "CompleteCollectionPlan", (c, actor, now, _) =>
        {
            c.CompleteCollectionPlan(plan, actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> CompleteMobilisationAsync(Caller caller, Guid id, MobilisationRecord record, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "CompleteMobilisation", (c, actor, now, _) =>
        {
            c.CompleteMobilisation(record, actor, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Step 5: also records the donor's donation, completes the donor request and announces HscDonationCompleted.</summary>
    public Task<CollectionCase> CompleteHandoverAsync(Caller caller, Guid id, HandoverRecord record, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "CompleteHandover", async (c, actor, now, token) =>
        {
            c.CompleteHandover(record, Options.PolicyFor(c.CityRegion), actor, now);
            var donor = await db.Donors.FirstOrDefaultAsync(d => d.Id == c.DonorId, token)
                ?? throw new NotFoundException("Donor", $"donors/{c.DonorId}", "未找到该捐献者。");
            donor.RecordDonation(now);
            audit.Changed("RecordDonation", AuditSubjects.Donor, donor.Id, actor, $"collection case {c.Id}");
            var request = await db.DonorRequests.FirstAsync(r => r.Id == c.RequestId, token);
            request.Finish(true, "donated", now);
            db.AddIntegrationEvent(new HscDonationCompleted(donor.Id, donor.RegionCode, c.Evaluation?.CareContactConsent ?? false,
                c.DonatedAt!.Value));
        }, ct);

    public Task<CollectionCase> RecordFollowUpVisitAsync(Caller caller, Guid id, int day, DateOnly visitedOn, HealthStatus health,
        IReadOnlyList<AdverseEvent> adverseEvents, string? note, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "RecordFollowUpVisit", (c, actor, now, _) =>
        {
            c.RecordFollowUpVisit(day, visitedOn, health, adverseEvents, note, actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> CompleteFollowUpAsync(Caller caller, Guid id, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "CompleteFollowUp", (c, actor, now, _) =>
        {
            c.CompleteFollowUp(actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> AttachArchiveDocumentAsync(Caller caller, Guid id, DocumentKind kind, string reference, string sha256,
        string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "AttachArchiveDocument", (c, actor, now, _) =>
        {
            c.AttachArchiveDocument(kind, reference, sha256, actor, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Step 7: the archive number is the next of the city and year (HSC-330200-2026-0001), numbered under a lock.</summary>
    public Task<CollectionCase> CompleteArchivingAsync(Caller caller, Guid id, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "CompleteArchiving", async (c, actor, now, token) =>
        {
            var prefix = $"HSC-{c.CityRegion}-{ShanghaiDate.Of(now).Year}-";
            // One numbering at a time per city and year (transaction-scoped lock).
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({prefix}))", token);
            var taken = await db.CollectionCases.CountAsync(x => x.ArchiveNumber != null && x.ArchiveNumber.StartsWith(prefix), token);
            c.CompleteArchiving(prefix + (taken + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), actor, now);
        }, ct);

    public Task<CollectionCase> RecordFeeItemsAsync(Caller caller, Guid id,
        IReadOnlyList<(FeeCategory Category, string Description, int Quantity, long UnitFen)> items, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "RecordFeeItems", (c, actor, now, _) =>
        {
            c.RecordFeeItems(items, Options.FeeStandardFor(c.CityRegion, ShanghaiDate.Of(now).Year), actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> SettleFeesAsync(Caller caller, Guid id, string payer, DateOnly settledOn, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "SettleFees", (c, actor, now, _) =>
        {
            c.SettleFees(payer, settledOn, actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> SuspendAsync(Caller caller, Guid id, string reason, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "SuspendCollectionCase", (c, actor, now, _) =>
        {
            c.Suspend(reason, actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> ResumeAsync(Caller caller, Guid id, string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "ResumeCollectionCase", (c, actor, now, _) =>
        {
            c.Resume(actor, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CollectionCase> CancelAsync(Caller caller, Guid id, CancellationReason reason, DecidingParty decidedBy, string? note,
        string? etag, CancellationToken ct) =>
        ChangeAsync(caller, id, etag, "CancelCollectionCase", (c, actor, now, _) =>
        {
            c.Cancel(reason, decidedBy, note, actor, now);
            return Task.CompletedTask;
        }, ct);

    private async Task<CollectionCase> ChangeAsync(Caller caller, Guid id, string? etag, string operation,
        Func<CollectionCase, Actor, DateTimeOffset, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        CollectionAccess.RequireCaseRole(caller);
        return await unitOfWork.RunAsync(async ct =>
        {
            var c = await db.CollectionCases.FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("CollectionCase", CollectionNames.Case(id), "未找到该采集案例。");
            CollectionAccess.RequireRead(caller, c);
            if (!string.IsNullOrEmpty(etag) && etag != ETag(c))
            {
                throw new ConcurrentEditException("CollectionCase", CollectionNames.Case(id), "采集案例已被他人修改，请刷新后重试。");
            }
            var now = clock.Now;
            var actor = caller.ToActor();
            var before = c.Status;
            await change(c, actor, now, ct);
            audit.Changed(operation, CollectionNames.AuditSubject, c.Id, actor, c.Timeline[^1].Summary);
            await AnnounceAsync(c, before, actor, now, ct);
            return c;
        }, cancellationToken);
    }

    /// <summary>The effects of a transition outside the case: events, and the request and donor when the case ended.</summary>
    private async Task AnnounceAsync(CollectionCase c, CollectionCaseStatus before, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (c.Status == before)
        {
            return;
        }
        if (c.Status == CollectionCaseStatus.Cancelled)
        {
            var request = await db.DonorRequests.FirstAsync(r => r.Id == c.RequestId, ct);
            request.Finish(false, $"collection-{c.CancellationReason}", now);
            await reservations.ReleaseIfUnheldAsync(c.DonorId, actor, ct);
            db.AddIntegrationEvent(new CollectionCaseCancelled(c.Id, c.DonorId, c.RequestId, c.CancellationReason!.Value.ToString(),
                c.CancelledBy!.Value.ToString(), before.ToString(), c.CityRegion, c.CriticalWithdrawal, now));
            if (c.CriticalWithdrawal)
            {
                db.AddIntegrationEvent(new DonorWithdrawalCritical(c.Id, c.RequestId, c.CityRegion, c.Plan!.TransplantCentre,
                    ShanghaiDate.StartOf(c.Plan.ConditioningStart), now));
            }
            return;
        }
        if (CollectionProcedure.Steps.Contains(before) && c.Status != CollectionCaseStatus.Suspended)
        {
            db.AddIntegrationEvent(new CollectionStepCompleted(c.Id, c.DonorId, before.ToString(), c.Status.ToString(), c.CityRegion,
                c.LocalRegion, c.HospitalOrgId, now));
        }
    }

    public static string ETag(CollectionCase c) => c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
