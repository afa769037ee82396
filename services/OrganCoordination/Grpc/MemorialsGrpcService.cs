using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>The Memorials API: thin translation to <see cref="MemorialCommands"/>; the public list needs no token.</summary>
public sealed class MemorialsGrpcService(MemorialCommands commands) : Memorials.MemorialsBase
{
    public override async Task<V1.Memorial> RecordMemorial(RecordMemorialRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await commands.RecordAsync(context.GetCaller(), request.Case, request.Etag,
            new MemorialInput(request.Site, request.InscriptionConsented, request.ConsentDocumentReference, request.InscribedName),
            context.CancellationToken), forPublic: false);

    public override async Task<V1.Memorial> GetMemorial(GetMemorialRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await commands.GetAsync(context.GetCaller(), ResourceNames.ParseMemorial(request.Name), request.Purpose,
            context.CancellationToken), forPublic: false);

    /// <summary>Public: consented inscriptions only (site, name, kind, year), like a memorial wall; rate-limited per client address
    /// so the wall cannot be harvested in bulk.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(PublicRpcRateLimit.Policy)]
    public override async Task<ListMemorialsResponse> ListMemorials(ListMemorialsRequest request, ServerCallContext context)
    {
        var (page, next) = await commands.ListPublicAsync(request.Site, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListMemorialsResponse { NextPageToken = next ?? "" };
        response.Memorials.AddRange(page.Select(m => DonationMapping.ToMessage(m, forPublic: true)));
        return response;
    }
}
