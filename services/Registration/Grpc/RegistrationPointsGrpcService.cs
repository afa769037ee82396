using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Model = DonationRegistry.Registration.Domain.Points;

namespace DonationRegistry.Registration.Grpc;

/// <summary>The RegistrationPoints API: thin translation to <see cref="PointCommands"/>; authorisation is decided there
/// (AccessPolicy), errors are mapped by the domain-error interceptor.</summary>
public sealed class RegistrationPointsGrpcService(PointCommands points) : RegistrationPoints.RegistrationPointsBase
{
    public override async Task<RegistrationPoint> CreateRegistrationPoint(CreateRegistrationPointRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, Operation.ManagePoints);
        var requestId = ResourceNames.ParseRequestId(request.RequestId);
        var point = await points.CreateAsync(caller, requestId, PointMapping.ToDetails(request.Point), context.CancellationToken);
        return PointMapping.ToMessage(point);
    }

    public override async Task<RegistrationPoint> GetRegistrationPoint(GetRegistrationPointRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, Operation.ReadPoints);
        return PointMapping.ToMessage(await points.GetAsync(caller, ResourceNames.ParsePoint(request.Name), context.CancellationToken));
    }

    public override async Task<ListRegistrationPointsResponse> ListRegistrationPoints(ListRegistrationPointsRequest request,
        ServerCallContext context)
    {
        var (page, next) = await points.ListAsync(context.GetCaller(), request.RegionCode,
            request.Kind == PointKind.Unspecified ? null : (Model.PointKind)request.Kind,
            request.Status == PointStatus.Unspecified ? null : (Model.PointStatus)request.Status,
            request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListRegistrationPointsResponse { NextPageToken = next ?? "" };
        response.Points.AddRange(page.Select(PointMapping.ToMessage));
        return response;
    }

    public override async Task<RegistrationPoint> UpdateRegistrationPoint(UpdateRegistrationPointRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, Operation.ManagePoints);
        var id = ResourceNames.ParsePoint(request.Point?.Name, "point.name");
        var point = await points.UpdateAsync(caller, id, request.Point!.Etag, request.UpdateMask?.Paths ?? [],
            PointMapping.ToDetails(request.Point), context.CancellationToken);
        return PointMapping.ToMessage(point);
    }

    public override async Task<RegistrationPoint> TransitionRegistrationPoint(TransitionRegistrationPointRequest request,
        ServerCallContext context)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, Operation.ManagePoints);
        var point = await points.TransitionAsync(caller, ResourceNames.ParsePoint(request.Name), (Model.PointTrigger)request.Trigger,
            request.Reason, request.Etag, context.CancellationToken);
        return PointMapping.ToMessage(point);
    }

    public override async Task<RegistrationPoint> AssignStaff(AssignStaffRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, Operation.ManagePoints);
        return PointMapping.ToMessage(await points.AssignStaffAsync(caller, ResourceNames.ParsePoint(request.Name), request.UserId,
            context.CancellationToken));
    }

    public override async Task<RegistrationPoint> RemoveStaff(RemoveStaffRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, Operation.ManagePoints);
        return PointMapping.ToMessage(await points.RemoveStaffAsync(caller, ResourceNames.ParsePoint(request.Name), request.UserId,
            context.CancellationToken));
    }
}
