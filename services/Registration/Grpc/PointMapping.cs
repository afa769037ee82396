using DonationRegistry.Registration.Application;
using Google.Protobuf.WellKnownTypes;
using Model = DonationRegistry.Registration.Domain.Points;
using V1 = DonationRegistry.Registration.V1;

namespace DonationRegistry.Registration.Grpc;

/// <summary>Registration points between the API messages and the domain (enum values are numbered alike on both sides).</summary>
internal static class PointMapping
{
    public static Model.PointDetails ToDetails(V1.RegistrationPoint? point) => point is null
        ? new Model.PointDetails("", "", 0, "", "", "", [])
        : new Model.PointDetails(point.DisplayName, point.HostOrganisation, (Model.PointKind)point.Kind, point.RegionCode,
            point.Address, point.ContactPhone, [.. point.Services.Select(s => (Model.PointService)s)]);

    public static V1.RegistrationPoint ToMessage(Model.RegistrationPoint point)
    {
        var message = new V1.RegistrationPoint
        {
            Name = ResourceNames.Point(point.Id),
            Code = point.Code,
            DisplayName = point.DisplayName,
            HostOrganisation = point.HostOrganisation,
            Kind = (V1.PointKind)point.Kind,
            RegionCode = point.RegionCode,
            Address = point.Address,
            ContactPhone = point.ContactPhone,
            Status = (V1.PointStatus)point.Status,
            AuthorisedBy = point.AuthorisedBy ?? "",
            AuthorisedAt = point.AuthorisedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            Etag = ETags.Of(point.Version),
        };
        message.Services.AddRange(point.Services.Select(s => (V1.PointService)s));
        message.StaffUserIds.AddRange(point.Staff.Select(s => s.UserId).Order(StringComparer.Ordinal));
        message.History.AddRange(point.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new V1.PointTransition
        {
            From = (V1.PointStatus)h.From,
            To = (V1.PointStatus)h.To,
            Trigger = (V1.PointTrigger)h.Trigger,
            Actor = h.ActorUserId,
            ActorRole = h.ActorRole,
            ActorOrgId = h.ActorOrgId ?? "",
            Reason = h.Reason ?? "",
            At = Timestamp.FromDateTimeOffset(h.At),
        }));
        return message;
    }
}
