using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Cases = DonationRegistry.OrganCoordination.Domain.OrganCases;
using Model = DonationRegistry.OrganCoordination.Domain;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>
/// The OrganCases API: thin translation to <see cref="OrganCaseCommands"/> and <see cref="OrganCaseQueries"/>, where AccessPolicy
/// decides every call (role first, then the case's organisation) and the domain decides every step.
/// </summary>
public sealed class OrganCasesGrpcService(OrganCaseCommands commands, OrganCaseQueries queries) : OrganCases.OrganCasesBase
{
    public override async Task<OrganCase> CreateOrganCase(CreateOrganCaseRequest request, ServerCallContext context)
    {
        var created = await commands.CreateAsync(context.GetCaller(), ResourceNames.ParseRequestId(request.RequestId), request.RegionCode,
            request.HospitalId, request.DonorIdType == IdType.Unspecified ? null : (Model.IdType)request.DonorIdType, request.DonorIdNumber,
            context.CancellationToken);
        return OrganMapping.ToMessage(created);
    }

    public override async Task<OrganCase> GetOrganCase(GetOrganCaseRequest request, ServerCallContext context) =>
        OrganMapping.ToMessage(await queries.GetAsync(context.GetCaller(), ResourceNames.ParseOrganCase(request.Name), request.Purpose,
            context.CancellationToken));

    public override async Task<ListOrganCasesResponse> ListOrganCases(ListOrganCasesRequest request, ServerCallContext context)
    {
        var (page, next) = await queries.ListAsync(context.GetCaller(),
            request.State == OrganCaseState.Unspecified ? null : (Cases.OrganCaseStatus)request.State, request.PageSize, request.PageToken,
            request.Purpose, context.CancellationToken);
        var response = new ListOrganCasesResponse { NextPageToken = next ?? "" };
        response.OrganCases.AddRange(page.Select(c => OrganMapping.ToMessage(c, withTimeline: false)));
        return response;
    }

    public override async Task<OrganCase> CheckRegistry(CheckRegistryRequest request, ServerCallContext context) =>
        OrganMapping.ToMessage(await commands.CheckRegistryAsync(context.GetCaller(), ResourceNames.ParseOrganCase(request.Name), request.Etag,
            context.CancellationToken));

    public override Task<OrganCase> StartEvaluation(OrganCaseStepRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "StartEvaluation", (c, a, t) => c.StartEvaluation(a, t));

    public override Task<OrganCase> ApproachFamily(OrganCaseStepRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "ApproachFamily", (c, a, t) => c.ApproachFamily(a, t));

    public override Task<OrganCase> SignConsent(SignConsentRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "SignConsent", (c, a, t) => c.SignConsent(OrganMapping.ToConsent(request.Consent), a, t));

    public override Task<OrganCase> SubmitToEthics(OrganCaseStepRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "SubmitToEthics", (c, a, t) => c.SubmitToEthics(a, t));

    public override Task<OrganCase> RecordEthicsDecision(RecordEthicsDecisionRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "RecordEthicsDecision",
            (c, a, t) => c.RecordEthicsDecision(request.CommitteeSize, request.Approvals, request.DocumentReference, a, t));

    public override Task<OrganCase> DeclareDeath(DeclareDeathRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "DeclareDeath", (c, a, t) => c.DeclareDeath(OrganMapping.ToDeath(request.Death), a, t));

    public override async Task<OrganCase> AssignWitnesses(AssignWitnessesRequest request, ServerCallContext context) =>
        OrganMapping.ToMessage(await commands.AssignWitnessesAsync(context.GetCaller(), ResourceNames.ParseOrganCase(request.Name), request.Etag,
            [.. request.CredentialNumbers], context.CancellationToken));

    public override Task<OrganCase> StartAllocation(StartAllocationRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "StartAllocation", (c, a, t) => c.StartAllocation(request.CotrsDonorId, a, t));

    public override Task<OrganCase> StartProcurement(StartProcurementRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "StartProcurement",
            (c, a, t) => c.StartProcurement([.. request.Organs.Select(o => (Cases.Organ)o)], [.. request.Team], a, t));

    public override Task<OrganCase> RecordOrganOutcome(RecordOrganOutcomeRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "RecordOrganOutcome", (c, a, t) => c.RecordOrganOutcome((Cases.Organ)request.Organ,
            (Cases.OrganOutcomeKind)request.Kind, request.ReceivingHospital, request.DiscardReason, a, t));

    public override Task<OrganCase> RestoreBody(DocumentStepRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "RestoreBody", (c, a, t) => c.RestoreBody(request.DocumentReference, a, t));

    public override Task<OrganCase> RecordWitnessReport(RecordWitnessReportRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "RecordWitnessReport",
            (c, a, t) => c.RecordWitnessReport(request.ReportReference, [.. request.SignedBy], a, t));

    public override Task<OrganCase> ReleaseBody(ReleaseBodyRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "ReleaseBody",
            (c, a, t) => c.ReleaseBody((Cases.BodyRecipient)request.Recipient, request.ReceivingUnit, a, t));

    public override Task<OrganCase> IssueCertificate(IssueCertificateRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "IssueCertificate", (c, a, t) => c.IssueCertificate(request.CertificateNumber, a, t));

    public override Task<OrganCase> CompleteOrganCase(CompleteOrganCaseRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "CompleteOrganCase", (c, a, t) => c.Complete(request.FamilyCareContactConsent, a, t));

    public override Task<OrganCase> CloseOrganCase(CloseOrganCaseRequest request, ServerCallContext context) =>
        Step(context, request.Name, request.Etag, "CloseOrganCase", (c, a, t) => c.Close((Cases.ClosureReason)request.Reason, request.Note, a, t));

    public override Task<Diagram> GetOrganCaseDiagram(GetOrganCaseDiagramRequest request, ServerCallContext context)
    {
        AccessPolicy.Require(context.GetCaller(), Operation.ReadCases);
        return Task.FromResult(new Diagram { Mermaid = Cases.OrganCaseLifecycle.ToMermaid() });
    }

    private async Task<OrganCase> Step(ServerCallContext context, string name, string etag, string operation,
        Action<Cases.OrganDonationCase, Common.Actor, DateTimeOffset> step) =>
        OrganMapping.ToMessage(await commands.StepAsync(context.GetCaller(), ResourceNames.ParseOrganCase(name), etag, Operation.RunCases,
            operation, step, context.CancellationToken));
}
