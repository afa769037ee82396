using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Model = DonationRegistry.OrganCoordination.Domain;
using Tissues = DonationRegistry.OrganCoordination.Domain.TissueCases;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>
/// The TissueDonationCases API: thin translation to <see cref="TissueCaseCommands"/> and <see cref="DonationCaseQueries"/>; the time
/// left and the breach flag are computed from the injected clock when the answer is made.
/// </summary>
public sealed class TissueDonationCasesGrpcService(TissueCaseCommands commands, DonationCaseQueries queries, TimeProvider clock)
    : TissueDonationCases.TissueDonationCasesBase
{
    public override async Task<TissueCase> CreateTissueCase(CreateTissueCaseRequest request, ServerCallContext context) =>
        Map(await commands.CreateAsync(context.GetCaller(), ResourceNames.ParseRequestId(request.RequestId), (Tissues.TissueKind)request.Kind,
            request.RegionCode, request.OrgId, request.ReceivingUnit,
            request.DonorIdType == IdType.Unspecified ? null : (Model.IdType)request.DonorIdType, request.DonorIdNumber,
            request.DeathTime?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue, request.FamilyCareContactConsent, context.CancellationToken));

    public override async Task<TissueCase> GetTissueCase(GetTissueCaseRequest request, ServerCallContext context) =>
        Map(await queries.GetTissueAsync(context.GetCaller(), ResourceNames.ParseTissueCase(request.Name), request.Purpose, context.CancellationToken));

    public override async Task<ListTissueCasesResponse> ListTissueCases(ListTissueCasesRequest request, ServerCallContext context)
    {
        var unit = string.IsNullOrEmpty(request.ReceivingUnit) ? null : ResourceNames.ParseReceivingUnit(request.ReceivingUnit, "receiving_unit");
        var (page, next) = await queries.ListTissueAsync(context.GetCaller(),
            request.State == TissueCaseState.Unspecified ? null : (Tissues.TissueCaseStatus)request.State,
            request.Kind == TissueKind.Unspecified ? null : (Tissues.TissueKind)request.Kind, unit, request.PageSize, request.PageToken,
            request.Purpose, context.CancellationToken);
        var now = clock.GetUtcNow();
        var response = new ListTissueCasesResponse { NextPageToken = next ?? "" };
        response.TissueCases.AddRange(page.Select(c => DonationMapping.ToMessage(c, now, withTimeline: false)));
        return response;
    }

    public override Task<TissueCase> RecoverTissue(RecoverTissueRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, CaseActor.Unit, "RecoverTissue",
            (c, a, t) => c.Recover(request.RecoverTime?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue, request.DocumentReference, a, t));

    public override Task<TissueCase> RecordTissueUse(RecordTissueUseRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, CaseActor.Unit, "RecordTissueUse", (c, a, t) => c.RecordUse((Tissues.TissueUse)request.Use, a, t));

    public override Task<TissueCase> DeclineTissueCase(DeclineTissueCaseRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, CaseActor.Either, "DeclineTissueCase",
            (c, a, t) => c.Decline((Tissues.TissueDeclineReason)request.Reason, request.Note, a, t));

    public override Task<Diagram> GetTissueCaseDiagram(GetTissueCaseDiagramRequest request, ServerCallContext context)
    {
        AccessPolicy.Require(context.GetCaller(), Operation.ReadDonationCases);
        return Task.FromResult(new Diagram { Mermaid = Tissues.TissueCaseLifecycle.ToMermaid() });
    }

    private TissueCase Map(Tissues.TissueDonationCase c) => DonationMapping.ToMessage(c, clock.GetUtcNow());

    private async Task<TissueCase> Step(ServerCallContext context, string name, string etag, CaseActor who, string operation,
        Action<Tissues.TissueDonationCase, Common.Actor, DateTimeOffset> step) =>
        Map(await commands.StepAsync(context.GetCaller(), ResourceNames.ParseTissueCase(name), etag, who, operation, step, context.CancellationToken));
}
