using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Model = DonationRegistry.OrganCoordination.Domain;
using Units = DonationRegistry.OrganCoordination.Domain.ReceivingUnits;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>The ReceivingUnits API: thin translation to <see cref="ReceivingUnitCommands"/>.</summary>
public sealed class ReceivingUnitsGrpcService(ReceivingUnitCommands commands) : ReceivingUnits.ReceivingUnitsBase
{
    public override async Task<ReceivingUnit> CreateReceivingUnit(CreateReceivingUnitRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await commands.CreateAsync(context.GetCaller(), request.ReceivingUnitId,
            DonationMapping.ToInput(request.ReceivingUnit), context.CancellationToken));

    public override async Task<ReceivingUnit> UpdateReceivingUnit(UpdateReceivingUnitRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await commands.UpdateAsync(context.GetCaller(),
            ResourceNames.ParseReceivingUnit(request.ReceivingUnit?.Name, "receiving_unit.name"), request.ReceivingUnit?.Etag,
            DonationMapping.ToInput(request.ReceivingUnit), context.CancellationToken));

    public override async Task<ReceivingUnit> GetReceivingUnit(GetReceivingUnitRequest request, ServerCallContext context) =>
        DonationMapping.ToMessage(await commands.GetAsync(context.GetCaller(), ResourceNames.ParseReceivingUnit(request.Name),
            context.CancellationToken));

    public override async Task<ListReceivingUnitsResponse> ListReceivingUnits(ListReceivingUnitsRequest request, ServerCallContext context)
    {
        var (page, next) = await commands.ListAsync(context.GetCaller(),
            request.Kind == ReceivingUnitKind.Unspecified ? null : (Units.ReceivingUnitKind)request.Kind,
            request.Accepts == DonationKind.Unspecified ? null : (Model.DonationKind)request.Accepts, request.ActiveOnly, request.PageSize,
            request.PageToken, context.CancellationToken);
        var response = new ListReceivingUnitsResponse { NextPageToken = next ?? "" };
        response.ReceivingUnits.AddRange(page.Select(DonationMapping.ToMessage));
        return response;
    }
}
