using DonationRegistry.Common;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Application.Requests;
using DonationRegistry.Hsc.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>
/// The DonorRequests API: thin translation to <see cref="DonorRequestCommands"/> and <see cref="DonorRequestQueries"/>. The role is
/// checked first, so a caller without business here is refused before any validation; the organisation is checked on the request.
/// </summary>
public sealed class DonorRequestGrpcService(DonorRequestCommands commands, DonorRequestQueries queries) : V1.DonorRequests.DonorRequestsBase
{
    public override async Task<V1.DonorRequest> OpenDonorRequest(OpenDonorRequestRequest request, ServerCallContext context)
    {
        var caller = Require(context, RequestOperation.Drive);
        var opened = await commands.OpenAsync(caller, request.Search, request.Donor, request.TransplantCentre, request.CityRegion,
            request.RequestId, context.CancellationToken);
        return DonorRequestMapping.ToMessage(opened);
    }

    public override async Task<V1.DonorRequest> GetDonorRequest(GetDonorRequestRequest request, ServerCallContext context)
    {
        var caller = Require(context, RequestOperation.Read);
        var found = await queries.GetAsync(caller, DonorRequestNames.Parse(request.Name), request.Purpose, context.CancellationToken);
        return DonorRequestMapping.ToMessage(found);
    }

    public override async Task<ListDonorRequestsResponse> ListDonorRequests(ListDonorRequestsRequest request, ServerCallContext context)
    {
        var caller = Require(context, RequestOperation.Read);
        var filter = new DonorRequestFilter(
            DonorRequestMapping.ToDomain(request.Status),
            string.IsNullOrEmpty(request.Donor) ? null : ResourceNames.ParseDonor(request.Donor, "donor"),
            string.IsNullOrEmpty(request.Search) ? null : ResourceNames.ParseSearch(request.Search, "search"),
            string.IsNullOrEmpty(request.CityRegion) ? null : request.CityRegion.Trim());
        var (page, next) = await queries.ListAsync(caller, filter, PageTokens.Size(request.PageSize), request.PageToken, request.Purpose,
            context.CancellationToken);
        var response = new ListDonorRequestsResponse { NextPageToken = next ?? "" };
        response.DonorRequests.AddRange(page.Select(DonorRequestMapping.ToMessage));
        return response;
    }

    public override async Task<V1.DonorRequest> RecordReContactAttempt(RecordReContactAttemptRequest request, ServerCallContext context)
    {
        var caller = Require(context, RequestOperation.RecordAttempt);
        var changed = await commands.RecordReContactAsync(caller, DonorRequestNames.Parse(request.Name), DonorRequestMapping.ToDomain(request.Channel),
            DonorRequestMapping.ToDomain(request.Outcome), request.AttemptTime?.ToDateTimeOffset(), request.Etag, context.CancellationToken);
        return DonorRequestMapping.ToMessage(changed);
    }

    public override async Task<V1.DonorRequest> RecordConfirmatorySample(RecordConfirmatorySampleRequest request, ServerCallContext context)
    {
        var caller = Require(context, RequestOperation.Drive);
        var changed = await commands.RecordSampleAsync(caller, DonorRequestNames.Parse(request.Name), DonorRequestMapping.ToDomain(request.Stage),
            request.SampleId, request.Etag, context.CancellationToken);
        return DonorRequestMapping.ToMessage(changed);
    }

    public override async Task<V1.DonorRequest> RecordConfirmatoryTyping(RecordConfirmatoryTypingRequest request, ServerCallContext context)
    {
        var caller = Require(context, RequestOperation.Drive);
        var changed = await commands.RecordTypingAsync(caller, DonorRequestNames.Parse(request.Name),
            request.TypingCase == RecordConfirmatoryTypingRequest.TypingOneofCase.GlString ? request.GlString : null,
            request.TypingCase == RecordConfirmatoryTypingRequest.TypingOneofCase.Hml ? request.Hml.Memory : (ReadOnlyMemory<byte>?)null,
            DonorMapping.ToDomain(request.Method), request.LaboratoryRelease, request.Etag, context.CancellationToken);
        return DonorRequestMapping.ToMessage(changed);
    }

    public override async Task<V1.DonorRequest> SelectDonor(SelectDonorRequest request, ServerCallContext context)
    {
        var caller = Require(context, RequestOperation.Drive);
        var changed = await commands.SelectAsync(caller, DonorRequestNames.Parse(request.Name), DonorRequestMapping.ToDomain(request.Selection),
            request.Etag, context.CancellationToken);
        return DonorRequestMapping.ToMessage(changed);
    }

    public override async Task<V1.DonorRequest> CancelDonorRequest(CancelDonorRequestRequest request, ServerCallContext context)
    {
        var caller = Require(context, RequestOperation.Drive);
        var changed = await commands.CancelAsync(caller, DonorRequestNames.Parse(request.Name), request.Reason, request.Etag,
            context.CancellationToken);
        return DonorRequestMapping.ToMessage(changed);
    }

    private static Caller Require(ServerCallContext context, RequestOperation operation)
    {
        var caller = context.GetCaller();
        RequestAccess.Require(caller, operation);
        return caller;
    }
}
