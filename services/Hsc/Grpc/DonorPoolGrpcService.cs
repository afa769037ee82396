using DonationRegistry.Common;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>
/// The DonorPool API: thin translation to <see cref="DonorCommands"/>, <see cref="TypingCommands"/> and <see cref="DonorQueries"/>,
/// where AccessPolicy decides every call (the role is checked here first, so a caller without business here is refused before any
/// validation).
/// </summary>
public sealed class DonorPoolGrpcService(DonorCommands commands, TypingCommands typings, DonorQueries queries) : DonorPool.DonorPoolBase
{
    public override async Task<V1.Donor> GetDonor(GetDonorRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ReadDonors);
        var (donor, typing) = await queries.GetAsync(caller, ResourceNames.ParseDonor(request.Name), request.Purpose, context.CancellationToken);
        return DonorMapping.ToMessage(donor, typing);
    }

    public override async Task<ListDonorsResponse> ListDonors(ListDonorsRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ReadDonors);
        var size = PageTokens.Size(request.PageSize);
        var after = PageTokens.Decode(request.PageToken) is { } key
            ? Guid.TryParse(key, out var id) ? id : throw new Common.Errors.ValidationFailedException("page_token", "Not a page token this service issued.")
            : (Guid?)null;
        var (page, next) = await queries.ListAsync(caller, DonorMapping.ToDomain(request.Status), request.RegionCode,
            DonorMapping.ToTypedFilter(request.Typed), size, after, request.Purpose, context.CancellationToken);
        var response = new ListDonorsResponse { NextPageToken = next is { } n ? PageTokens.Encode(n.ToString()) : "" };
        response.Donors.AddRange(page.Select(p => DonorMapping.ToMessage(p.Donor, p.Typing)));
        return response;
    }

    public override async Task<V1.Donor> RecordSample(RecordSampleRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var donor = await commands.RecordSampleAsync(caller, ResourceNames.ParseDonor(request.Name), request.SampleId.Trim(), request.Etag,
            context.CancellationToken);
        return await ToMessageAsync(donor, context);
    }

    public override async Task<V1.Donor> RecordTyping(RecordTypingRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var donorId = ResourceNames.ParseDonor(request.Name);
        var (donor, typing) = await typings.RecordGlStringAsync(caller, donorId, request.GlString, DonorMapping.ToDomain(request.Method),
            request.LaboratoryRelease, request.Etag, context.CancellationToken);
        return DonorMapping.ToMessage(donor, typing);
    }

    public override async Task<RecordTypingsResponse> UploadHml(UploadHmlRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var recorded = await typings.UploadHmlAsync(caller, request.Hml.Memory, context.CancellationToken);
        var response = new RecordTypingsResponse();
        response.Donors.AddRange(recorded.Select(r => DonorMapping.ToMessage(r.Donor, r.Typing)));
        return response;
    }

    public override async Task<RecordTypingsResponse> ImportTypingsCsv(ImportTypingsCsvRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var recorded = await typings.ImportCsvAsync(caller, request.Csv.Memory, context.CancellationToken);
        var response = new RecordTypingsResponse();
        response.Donors.AddRange(recorded.Select(r => DonorMapping.ToMessage(r.Donor, r.Typing)));
        return response;
    }

    public override async Task<V1.Donor> SetDonorAttributes(SetDonorAttributesRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var donor = await commands.SetAttributesAsync(caller, ResourceNames.ParseDonor(request.Name), DonorMapping.ToDomain(request.Abo),
            DonorMapping.ToDomain(request.Cmv), request.Etag, context.CancellationToken);
        return await ToMessageAsync(donor, context);
    }

    public override async Task<V1.Donor> DeferDonor(DeferDonorRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var donor = await commands.DeferAsync(caller, ResourceNames.ParseDonor(request.Name), request.Until, request.Reason, request.Etag,
            context.CancellationToken);
        return await ToMessageAsync(donor, context);
    }

    public override async Task<V1.Donor> ReinstateDonor(ReinstateDonorRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var donor = await commands.ReinstateAsync(caller, ResourceNames.ParseDonor(request.Name), request.Etag, context.CancellationToken);
        return await ToMessageAsync(donor, context);
    }

    public override async Task<V1.Donor> WithdrawDonor(WithdrawDonorRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var donor = await commands.WithdrawAsync(caller, ResourceNames.ParseDonor(request.Name), request.Reason, request.Etag,
            context.CancellationToken);
        return await ToMessageAsync(donor, context);
    }

    public override async Task<V1.Donor> PermanentlyDeferDonor(PermanentlyDeferDonorRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ManageDonors);
        var donor = await commands.PermanentlyDeferAsync(caller, ResourceNames.ParseDonor(request.Name), request.Reason, request.Etag,
            context.CancellationToken);
        return await ToMessageAsync(donor, context);
    }

    public override async Task<DonorTypingHistory> GetDonorTypingHistory(GetDonorTypingHistoryRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ReadDonors);
        var (donor, records) = await queries.HistoryAsync(caller, ResourceNames.ParseDonor(request.Name), request.Purpose,
            context.CancellationToken);
        var response = new DonorTypingHistory();
        response.Typings.AddRange(records.Select(t => DonorMapping.ToMessage(t, donor.CurrentTypingId)));
        return response;
    }

    private async Task<V1.Donor> ToMessageAsync(Domain.Donors.Donor donor, ServerCallContext context) =>
        DonorMapping.ToMessage(donor, await typings.CurrentTypingAsync(donor, context.CancellationToken));

    private static Caller Require(ServerCallContext context, Operation operation)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, operation);
        return caller;
    }
}
