using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>The DonationOverview API (due list, statistics): thin translation to <see cref="OverviewQueries"/>.</summary>
public sealed class DonationOverviewGrpcService(OverviewQueries queries) : DonationOverview.DonationOverviewBase
{
    public override async Task<ListDueItemsResponse> ListDueItems(ListDueItemsRequest request, ServerCallContext context)
    {
        var items = await queries.DueItemsAsync(context.GetCaller(), request.OnlyMine, request.UrgentOnly, context.CancellationToken);
        var response = new ListDueItemsResponse();
        response.Items.AddRange(items.Select(DonationMapping.ToMessage));
        return response;
    }

    public override async Task<DonationStatistics> GetDonationStatistics(GetDonationStatisticsRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await queries.StatisticsAsync(context.GetCaller(), request.Year, request.RegionCode, context.CancellationToken));
}
