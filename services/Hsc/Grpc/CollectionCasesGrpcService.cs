using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Application.Collection;
using DonationRegistry.Hsc.Domain.Collection;
using DonationRegistry.Hsc.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using D = DonationRegistry.Hsc.Domain.Collection;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>
/// The CollectionCases API: reads the request into domain values (every bad field named), then <see cref="CollectionCommands"/> /
/// <see cref="CollectionQueries"/>, where the procedure decides who may do what. A role with no business here is refused first.
/// </summary>
public sealed class CollectionCasesGrpcService(CollectionCommands commands, CollectionQueries queries) : CollectionCases.CollectionCasesBase
{
    public override async Task<V1.CollectionCase> OpenCollectionCase(OpenCollectionCaseRequest request, ServerCallContext context)
    {
        var caller = Caller(context);
        var requestId = CollectionNames.ParseDonorRequest(request.DonorRequest);
        var secondOf = string.IsNullOrEmpty(request.SecondOf) ? (Guid?)null : CollectionNames.ParseCase(request.SecondOf, "second_of");
        D.SecondDonationKind? kind = request.SecondDonationKind == V1.SecondDonationKind.Unspecified
            ? null
            : Valid<D.SecondDonationKind>((int)request.SecondDonationKind, "second_donation_kind");
        var c = await commands.OpenAsync(caller, requestId, request.LocalRegion, request.HospitalOrgId, request.International,
            request.Independent, secondOf, kind, context.CancellationToken);
        return Map(c, caller);
    }

    public override async Task<V1.CollectionCase> GetCollectionCase(GetCollectionCaseRequest request, ServerCallContext context)
    {
        var caller = Caller(context);
        var c = await queries.GetAsync(caller, CollectionNames.ParseCase(request.Name), request.Purpose, context.CancellationToken);
        return Map(c, caller);
    }

    public override async Task<ListCollectionCasesResponse> ListCollectionCases(ListCollectionCasesRequest request, ServerCallContext context)
    {
        var caller = Caller(context);
        var size = PageTokens.Size(request.PageSize);
        var before = PageTokens.Decode(request.PageToken) is { } key
            ? Guid.TryParse(key, out var id) ? id : throw new ValidationFailedException("page_token", "Not a page token this service issued.")
            : (Guid?)null;
        D.CollectionCaseStatus? status = request.Status == V1.CollectionCaseStatus.Unspecified
            ? null
            : Valid<D.CollectionCaseStatus>((int)request.Status, "status");
        var (page, next) = await queries.ListAsync(caller, status, request.CityRegion, request.DonationYear, request.InternationalOnly,
            request.SecondOnly, size, before, request.Purpose, context.CancellationToken);
        var response = new ListCollectionCasesResponse { NextPageToken = next is { } n ? PageTokens.Encode(n.ToString()) : "" };
        response.CollectionCases.AddRange(page.Select(c => CollectionMapping.ToMessage(c, caller.ToActor(), withTimeline: false)));
        return response;
    }

    public override Task<V1.CollectionCase> CompleteMedicalExam(CompleteMedicalExamRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var record = CollectionMapping.ToDomain(request.MedicalExam, input);
            input.ThrowIfInvalid();
            return commands.CompleteMedicalExamAsync(caller, id, record, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> RecordEvaluation(RecordEvaluationRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var record = CollectionMapping.ToDomain(request.Evaluation, input);
            input.ThrowIfInvalid();
            return commands.RecordEvaluationAsync(caller, id, record, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> CoSignEvaluation(CoSignEvaluationRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, _) => commands.CoSignEvaluationAsync(caller, id, request.Etag, context.CancellationToken));

    public override Task<V1.CollectionCase> CompleteCollectionPlan(CompleteCollectionPlanRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var plan = CollectionMapping.ToDomain(request.Plan, input);
            input.ThrowIfInvalid();
            return commands.CompleteCollectionPlanAsync(caller, id, plan, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> CompleteMobilisation(CompleteMobilisationRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var record = CollectionMapping.ToDomain(request.Mobilisation, input);
            input.ThrowIfInvalid();
            return commands.CompleteMobilisationAsync(caller, id, record, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> CompleteHandover(CompleteHandoverRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var record = CollectionMapping.ToDomain(request.Handover, input);
            input.ThrowIfInvalid();
            return commands.CompleteHandoverAsync(caller, id, record, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> RecordFollowUpVisit(RecordFollowUpVisitRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var visitedOn = input.Date(request.VisitedOn, "visited_on");
            var health = input.Enum<D.HealthStatus>((int)request.HealthStatus, "health_status", "WELL, MINOR_COMPLAINTS, UNWELL");
            var events = CollectionMapping.ToDomain(request.AdverseEvents, input);
            input.ThrowIfInvalid();
            return commands.RecordFollowUpVisitAsync(caller, id, request.Day, visitedOn, health, events,
                string.IsNullOrWhiteSpace(request.Note) ? null : request.Note, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> CompleteFollowUp(CompleteFollowUpRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, _) => commands.CompleteFollowUpAsync(caller, id, request.Etag, context.CancellationToken));

    public override Task<V1.CollectionCase> AttachArchiveDocument(AttachArchiveDocumentRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var kind = input.Enum<D.DocumentKind>((int)request.Kind, "kind", "a document kind of the checklist");
            input.ThrowIfInvalid();
            return commands.AttachArchiveDocumentAsync(caller, id, kind, request.Reference, request.Sha256, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> CompleteArchiving(CompleteArchivingRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, _) => commands.CompleteArchivingAsync(caller, id, request.Etag, context.CancellationToken));

    public override Task<V1.CollectionCase> RecordFeeItems(RecordFeeItemsRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var items = CollectionMapping.ToDomain(request.Items, input);
            input.ThrowIfInvalid();
            return commands.RecordFeeItemsAsync(caller, id, items, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> SettleFees(SettleFeesRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var settledOn = input.Date(request.SettledOn, "settled_on");
            input.ThrowIfInvalid();
            return commands.SettleFeesAsync(caller, id, request.Payer, settledOn, request.Etag, context.CancellationToken);
        });

    public override Task<V1.CollectionCase> SuspendCase(SuspendCaseRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, _) => commands.SuspendAsync(caller, id, request.Reason, request.Etag, context.CancellationToken));

    public override Task<V1.CollectionCase> ResumeCase(ResumeCaseRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, _) => commands.ResumeAsync(caller, id, request.Etag, context.CancellationToken));

    public override Task<V1.CollectionCase> CancelCase(CancelCaseRequest request, ServerCallContext context) =>
        Change(context, request.Name, (caller, id, input) =>
        {
            var reason = input.Enum<D.CancellationReason>((int)request.Reason, "reason",
                "DONOR_WITHDREW, MEDICALLY_UNFIT, PATIENT_CONDITION, TRANSPLANT_CENTRE_CANCELLED");
            var decidedBy = input.Enum<D.DecidingParty>((int)request.DecidedBy, "decided_by",
                "CITY_RED_CROSS, LOCAL_RED_CROSS, COLLECTION_HOSPITAL, TRANSPLANT_CENTRE, DONOR");
            input.ThrowIfInvalid();
            return commands.CancelAsync(caller, id, reason, decidedBy, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note,
                request.Etag, context.CancellationToken);
        });

    public override async Task<ListDueItemsResponse> ListDueItems(ListDueItemsRequest request, ServerCallContext context)
    {
        var items = await queries.DueItemsAsync(Caller(context), context.CancellationToken);
        var response = new ListDueItemsResponse();
        response.Items.AddRange(items.Select(CollectionMapping.ToMessage));
        return response;
    }

    public override Task<CollectionCaseDiagram> GetCollectionCaseDiagram(GetCollectionCaseDiagramRequest request, ServerCallContext context)
    {
        context.GetCaller();
        return Task.FromResult(new CollectionCaseDiagram { Mermaid = CollectionProcedure.ToMermaid() });
    }

    public override async Task<CollectionStatistics> GetCollectionStatistics(GetCollectionStatisticsRequest request, ServerCallContext context)
    {
        var rows = await queries.StatisticsAsync(context.GetCaller(), request.Year, request.CityRegion, context.CancellationToken);
        var response = new CollectionStatistics();
        response.Rows.AddRange(rows.Select(r => new V1.CollectionStatisticsRow
        {
            CityRegion = r.CityRegion, Year = r.Year, Donations = r.Donations, International = r.International, Second = r.Second,
            Independent = r.Independent,
        }));
        return response;
    }

    /// <summary>The caller, refused at once when their role has no business with collection cases.</summary>
    private static ServiceDefaults.Caller Caller(ServerCallContext context)
    {
        var caller = context.GetCaller();
        CollectionAccess.RequireCaseRole(caller);
        return caller;
    }

    private static async Task<V1.CollectionCase> Change(ServerCallContext context, string name,
        Func<ServiceDefaults.Caller, Guid, CollectionInput, Task<D.CollectionCase>> change)
    {
        var caller = Caller(context);
        var id = CollectionNames.ParseCase(name);
        var c = await change(caller, id, new CollectionInput());
        return Map(c, caller);
    }

    private static V1.CollectionCase Map(D.CollectionCase c, ServiceDefaults.Caller caller) =>
        CollectionMapping.ToMessage(c, caller.ToActor(), withTimeline: true);

    private static TDomain Valid<TDomain>(int value, string field) where TDomain : struct, Enum
    {
        var input = new CollectionInput();
        var result = input.Enum<TDomain>(value, field, string.Join(", ", Enum.GetNames<TDomain>()));
        input.ThrowIfInvalid();
        return result;
    }
}
