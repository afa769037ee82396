using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Bodies = DonationRegistry.OrganCoordination.Domain.BodyCases;
using Model = DonationRegistry.OrganCoordination.Domain;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>The BodyDonationCases API: thin translation to <see cref="BodyCaseCommands"/> and <see cref="DonationCaseQueries"/>.</summary>
public sealed class BodyDonationCasesGrpcService(BodyCaseCommands commands, DonationCaseQueries queries) : BodyDonationCases.BodyDonationCasesBase
{
    public override async Task<BodyCase> CreateBodyCase(CreateBodyCaseRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await commands.CreateAsync(context.GetCaller(), ResourceNames.ParseRequestId(request.RequestId),
            request.RegionCode, request.OrgId, request.DonorIdType == IdType.Unspecified ? null : (Model.IdType)request.DonorIdType,
            request.DonorIdNumber, request.DeathTime?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue, request.FamilyCareContactConsent,
            context.CancellationToken));

    public override async Task<BodyCase> GetBodyCase(GetBodyCaseRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await queries.GetBodyAsync(context.GetCaller(), ResourceNames.ParseBodyCase(request.Name), request.Purpose,
            context.CancellationToken));

    public override async Task<ListBodyCasesResponse> ListBodyCases(ListBodyCasesRequest request, ServerCallContext context)
    {
        var unit = string.IsNullOrEmpty(request.ReceivingUnit) ? null : ResourceNames.ParseReceivingUnit(request.ReceivingUnit, "receiving_unit");
        var (page, next) = await queries.ListBodyAsync(context.GetCaller(),
            request.State == BodyCaseState.Unspecified ? null : (Bodies.BodyCaseStatus)request.State, unit, request.PageSize, request.PageToken,
            request.Purpose, context.CancellationToken);
        var response = new ListBodyCasesResponse { NextPageToken = next ?? "" };
        response.BodyCases.AddRange(page.Select(c => DonationMapping.ToMessage(c, withTimeline: false)));
        return response;
    }

    public override async Task<BodyCase> AgreeHandover(AgreeHandoverRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await commands.AgreeHandoverAsync(context.GetCaller(), ResourceNames.ParseBodyCase(request.Name), request.Etag,
            request.ReceivingUnit, context.CancellationToken));

    public override Task<BodyCase> ReceiveBody(ReceiveBodyRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, CaseActor.Unit, "ReceiveBody", (c, a, t) => c.Receive(request.DocumentReference, a, t));

    public override Task<BodyCase> StartBodyUse(StartBodyUseRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, CaseActor.Unit, "StartBodyUse", (c, a, t) => c.StartUse((Bodies.BodyUse)request.Use, a, t));

    public override Task<BodyCase> RecordBodyDisposal(RecordBodyDisposalRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, CaseActor.Unit, "RecordBodyDisposal",
            (c, a, t) => c.RecordDisposal((Bodies.BodyDisposal)request.Disposal, request.ExecutorRequestReference, a, t));

    public override Task<BodyCase> RejectBodyCase(RejectBodyCaseRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, CaseActor.Either, "RejectBodyCase",
            (c, a, t) => c.Reject((Bodies.BodyRejectionReason)request.Reason, request.Note, a, t));

    public override Task<Diagram> GetBodyCaseDiagram(GetBodyCaseDiagramRequest request, ServerCallContext context)
    {
        AccessPolicy.Require(context.GetCaller(), Operation.ReadDonationCases);
        return Task.FromResult(new Diagram { Mermaid = Bodies.BodyCaseLifecycle.ToMermaid() });
    }

    private async Task<BodyCase> Step(ServerCallContext context, string name, string etag, CaseActor who, string operation,
        Action<Bodies.BodyDonationCase, Common.Actor, DateTimeOffset> step) =>
        DonationMapping.ToMessage(await commands.StepAsync(context.GetCaller(), ResourceNames.ParseBodyCase(name), etag, who, operation, step,
            context.CancellationToken));
}
