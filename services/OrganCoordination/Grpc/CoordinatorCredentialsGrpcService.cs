using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.ServiceDefaults;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Creds = DonationRegistry.OrganCoordination.Domain.Credentials;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>The CoordinatorCredentials API: thin translation to <see cref="CredentialCommands"/>.</summary>
public sealed class CoordinatorCredentialsGrpcService(CredentialCommands commands, TimeProvider clock) : CoordinatorCredentials.CoordinatorCredentialsBase
{
    public override async Task<Credential> CreateCredential(CreateCredentialRequest request, ServerCallContext context) =>
        Map(await commands.CreateAsync(context.GetCaller(), request.HolderId, request.OrgId, request.RegionCode, context.CancellationToken));

    public override async Task<Credential> GetCredential(GetCredentialRequest request, ServerCallContext context) =>
        Map(await commands.GetAsync(context.GetCaller(), ResourceNames.ParseCredential(request.Name), context.CancellationToken));

    public override async Task<Credential> RecordTraining(RecordTrainingRequest request, ServerCallContext context) =>
        Map(await commands.RecordTrainingAsync(context.GetCaller(), ResourceNames.ParseCredential(request.Name), request.Etag,
            (decimal)request.Hours, request.CourseReference, context.CancellationToken));

    public override async Task<Credential> CertifyCredential(CertifyCredentialRequest request, ServerCallContext context) =>
        Map(await commands.CertifyAsync(context.GetCaller(), ResourceNames.ParseCredential(request.Name), request.Etag, request.Number,
            context.CancellationToken));

    public override async Task<Credential> RenewCredential(CredentialStepRequest request, ServerCallContext context) =>
        Map(await commands.RenewAsync(context.GetCaller(), ResourceNames.ParseCredential(request.Name), request.Etag, context.CancellationToken));

    public override async Task<Credential> SuspendCredential(SuspendCredentialRequest request, ServerCallContext context) =>
        Map(await commands.SuspendAsync(context.GetCaller(), ResourceNames.ParseCredential(request.Name), request.Etag, request.Reason,
            context.CancellationToken));

    public override async Task<Credential> ReinstateCredential(CredentialStepRequest request, ServerCallContext context) =>
        Map(await commands.ReinstateAsync(context.GetCaller(), ResourceNames.ParseCredential(request.Name), request.Etag, context.CancellationToken));

    public override async Task<Credential> RevokeCredential(RevokeCredentialRequest request, ServerCallContext context) =>
        Map(await commands.RevokeAsync(context.GetCaller(), ResourceNames.ParseCredential(request.Name), request.Etag,
            (Creds.RevocationReason)request.Reason, request.Note, context.CancellationToken));

    /// <summary>Public: anyone may check a credential number, without a token; rate-limited per client address.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(PublicRpcRateLimit.Policy)]
    public override async Task<CheckCredentialResponse> CheckCredential(CheckCredentialRequest request, ServerCallContext context)
    {
        var check = await commands.CheckAsync(request.Number, context.CancellationToken);
        return new CheckCredentialResponse
        {
            Active = check.Active,
            State = check.Status is { } s ? (CredentialState)s : CredentialState.Unspecified,
            ExpireTime = check.ExpiresAt is { } e ? Timestamp.FromDateTimeOffset(e) : null,
        };
    }

    private Credential Map(Creds.CoordinatorCredential credential) => OrganMapping.ToMessage(credential, clock.GetUtcNow());
}
