using DonationRegistry.Common;
using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Model = DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Grpc;

/// <summary>The Registry API: the service-to-service registry check (see <see cref="RegistryCheckQuery"/>).</summary>
public sealed class RegistryGrpcService : V1.Registry.RegistryBase
{
    public override async Task<CheckRegistryResponse> CheckRegistry(CheckRegistryRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var query = ActivatorUtilities.CreateInstance<RegistryCheckQuery>(http.RequestServices);
        var answer = await query.CheckAsync(context.GetCaller(), http.User.HasScope(Scopes.Registration), (Model.IdType)request.IdType,
            request.IdNumber, request.Programme == Programme.Unspecified ? null : (Model.Programme)request.Programme, request.Purpose,
            context.CancellationToken);
        var response = new CheckRegistryResponse
        {
            Answer = answer.Objection ? V1.RegistryAnswer.Objection : answer.Registered ? V1.RegistryAnswer.Registered : V1.RegistryAnswer.None,
        };
        foreach (var entry in answer.Entries)
        {
            var message = new V1.RegistryEntry
            {
                Name = ResourceNames.Registration(entry.RegistrationId),
                Programme = (Programme)entry.Programme,
                Answer = entry.Objection ? V1.RegistryAnswer.Objection : V1.RegistryAnswer.Registered,
            };
            message.Scope.AddRange(entry.Scope.Select(s => (DonationScope)s));
            response.Entries.Add(message);
        }
        return response;
    }
}
