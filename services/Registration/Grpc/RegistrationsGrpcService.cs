using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Model = DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Grpc;

/// <summary>
/// The Registrations API: thin translation to <see cref="RegistrationCommands"/> and <see cref="RegistrationQueries"/>, where
/// AccessPolicy decides every call (the role is checked here first, so a caller without business here is refused before any
/// validation). ImportRegistrations lives in RegistrationsGrpcService.Import.cs.
/// </summary>
public sealed partial class RegistrationsGrpcService(RegistrationCommands commands, RegistrationQueries queries) : Registrations.RegistrationsBase
{
    public override async Task<V1.Registration> CreateRegistration(CreateRegistrationRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.EnterRegistrations);
        var requestId = ResourceNames.ParseRequestId(request.RequestId);
        var registration = await commands.CreateAsync(caller, requestId, RegistrationMapping.ToInput(request.Registration), context.CancellationToken);
        return RegistrationMapping.ToMessage(registration);
    }

    public override async Task<V1.Registration> RecordWitnessing(RecordWitnessingRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.EnterRegistrations);
        var registration = await commands.RecordWitnessingAsync(caller, ResourceNames.ParseRegistration(request.Name),
            RegistrationMapping.ToWitnessing(request.Witnessing), request.Etag, context.CancellationToken);
        return RegistrationMapping.ToMessage(registration);
    }

    public override async Task<V1.Registration> ForwardRegistration(ForwardRegistrationRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.EnterRegistrations);
        return RegistrationMapping.ToMessage(await commands.ForwardAsync(caller, ResourceNames.ParseRegistration(request.Name), request.Etag,
            context.CancellationToken));
    }

    public override async Task<V1.Registration> ConfirmRegistration(ConfirmRegistrationRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ConfirmRegistrations);
        return RegistrationMapping.ToMessage(await commands.ConfirmAsync(caller, ResourceNames.ParseRegistration(request.Name), request.Etag,
            context.CancellationToken));
    }

    public override async Task<V1.Registration> AmendRegistration(AmendRegistrationRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.EnterRegistrations);
        var registration = await commands.AmendAsync(caller, ResourceNames.ParseRegistration(request.Name), request.UpdateMask?.Paths ?? [],
            RegistrationMapping.ToAmendment(request.Registration), request.Reason, request.Etag, context.CancellationToken);
        return RegistrationMapping.ToMessage(registration);
    }

    public override async Task<ListRegistrationVersionsResponse> ListRegistrationVersions(ListRegistrationVersionsRequest request,
        ServerCallContext context)
    {
        var caller = Require(context, Operation.ReadRegistrations);
        var registration = await queries.ListVersionsAsync(caller, ResourceNames.ParseRegistration(request.Name), request.Purpose,
            context.CancellationToken);
        var response = new ListRegistrationVersionsResponse();
        response.Versions.AddRange(registration.Versions.OrderBy(v => v.Number).Select(v => new RegistrationVersion
        {
            Version = v.Number,
            Registration = RegistrationMapping.ToMessage(registration, v.Details, v.Number),
            Reason = v.Reason ?? "",
            Actor = v.ActorUserId,
            At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(v.At),
        }));
        return response;
    }

    public override async Task<V1.Registration> RevokeRegistration(RevokeRegistrationRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.EnterRegistrations);
        return RegistrationMapping.ToMessage(await commands.RevokeAsync(caller, ResourceNames.ParseRegistration(request.Name), request.Reason,
            request.Etag, context.CancellationToken));
    }

    public override async Task<V1.Registration> RecordObjection(RecordObjectionRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.EnterRegistrations);
        return RegistrationMapping.ToMessage(await commands.RecordObjectionAsync(caller, ResourceNames.ParseRegistration(request.Name),
            request.DocumentReference, request.Reason, request.Etag, context.CancellationToken));
    }

    public override async Task<HscEnrolment> EnrollHscVolunteer(EnrollHscVolunteerRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.EnterRegistrations);
        var requestId = ResourceNames.ParseRequestId(request.RequestId);
        var enrolment = await commands.EnrollHscVolunteerAsync(caller, requestId, new HscEnrolmentInput(request.RegistrationPoint,
            RegistrationMapping.ToPersonForm(request.Person), request.Consents?.SensitiveData ?? false,
            request.Consents?.TransferToProvincialCentre ?? false), context.CancellationToken);
        return new HscEnrolment
        {
            VolunteerId = enrolment.VolunteerId.ToString(),
            EnrolledAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(enrolment.EnrolledAt),
        };
    }

    public override async Task<V1.Registration> GetRegistration(GetRegistrationRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ReadRegistrations);
        return RegistrationMapping.ToMessage(await queries.GetAsync(caller, ResourceNames.ParseRegistration(request.Name), request.Purpose,
            context.CancellationToken));
    }

    public override async Task<SearchRegistrationsResponse> SearchRegistrations(SearchRegistrationsRequest request, ServerCallContext context)
    {
        var caller = Require(context, Operation.ReadRegistrations);
        var search = new RegistrationSearch(request.RegistrationNumber,
            request.IdType == IdType.Unspecified ? null : (Model.IdType)request.IdType, request.IdNumber, request.FullName,
            request.RegistrationPoint, request.RegionCode,
            request.Status == RegistrationStatus.Unspecified ? null : (Model.RegistrationStatus)request.Status,
            request.CreatedFrom, request.CreatedTo, request.PageSize, request.PageToken);
        var (page, next) = await queries.SearchAsync(caller, search, request.Purpose, context.CancellationToken);
        var response = new SearchRegistrationsResponse { NextPageToken = next ?? "" };
        response.Registrations.AddRange(page.Select(RegistrationMapping.ToMessage));
        return response;
    }

    /// <summary>Public: anyone may check a certificate, without a token, a limited number of times per minute.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(Extensions.CertificateCheckPolicy)]
    public override async Task<VerifyCertificateResponse> VerifyCertificate(VerifyCertificateRequest request, ServerCallContext context)
    {
        var check = await queries.VerifyCertificateAsync(request.RegistrationNumber, request.VerificationCode, context.CancellationToken);
        var response = new VerifyCertificateResponse { Valid = check.Valid, MaskedName = check.MaskedName };
        response.Scope.AddRange(check.Scope.Select(s => (DonationScope)s));
        return response;
    }

    private static Caller Require(ServerCallContext context, Operation operation)
    {
        var caller = context.GetCaller();
        AccessPolicy.Require(caller, operation);
        return caller;
    }
}
