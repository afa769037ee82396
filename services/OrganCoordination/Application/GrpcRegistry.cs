using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using Grpc.Core;
using Reg = DonationRegistry.Registration.V1;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// The registry check as a real gRPC call to Registration's Registry.CheckRegistry, addressed through service discovery and
/// authorised with this service's client-credentials token (<see cref="ServiceTokenHandler"/>). A registry that cannot be reached
/// becomes UNAVAILABLE for the coordinator with a clear message; nothing is changed and the call may be retried.
/// </summary>
public sealed partial class GrpcRegistry(Reg.Registry.RegistryClient client, TimeProvider clock, ILogger<GrpcRegistry> logger) : IRegistry
{
    /// <summary>A network deadline: on the wall clock, not the domain clock (which tests move).</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public async Task<RegistryCheck> CheckAsync(IdType type, string idNumber, DonationKind donation, string purpose,
        CancellationToken cancellationToken)
    {
        Reg.CheckRegistryResponse response;
        try
        {
            response = await client.CheckRegistryAsync(new Reg.CheckRegistryRequest
            {
                IdType = (Reg.IdType)type,
                IdNumber = idNumber,
                // Body, cornea and brain tissue are one programme in the registry (遗体、组织捐献).
                Programme = donation == DonationKind.Organ ? Reg.Programme.Organ : Reg.Programme.BodyAndTissue,
                Purpose = purpose,
            }, deadline: TimeProvider.System.GetUtcNow().UtcDateTime + Deadline, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
            or StatusCode.Unknown or StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            LogUnavailable(logger, ex.StatusCode, ex.Status.Detail);
            throw new RpcException(new Status(StatusCode.Unavailable,
                "The registry (Registration service) cannot be reached; nothing was changed, try again later."));
        }
        catch (HttpRequestException ex)
        {
            LogUnavailable(logger, StatusCode.Unavailable, ex.Message);
            throw new RpcException(new Status(StatusCode.Unavailable,
                "The registry (Registration service) cannot be reached; nothing was changed, try again later."));
        }
        var at = clock.GetUtcNow();
        return response.Answer switch
        {
            Reg.RegistryAnswer.Objection => new RegistryCheck(RegistryAnswer.Objection,
                IdOf(response.Entries.First(e => e.Answer == Reg.RegistryAnswer.Objection).Name), null, at),
            Reg.RegistryAnswer.Registered => Registered(response.Entries.First(e => e.Answer == Reg.RegistryAnswer.Registered), at),
            _ => new RegistryCheck(RegistryAnswer.None, null, null, at),
        };
    }

    private static RegistryCheck Registered(Reg.RegistryEntry entry, DateTimeOffset at) =>
        new(RegistryAnswer.Registered, IdOf(entry.Name), string.Join(",", entry.Scope), at);

    private static Guid? IdOf(string name) =>
        Guid.TryParse(name.AsSpan(name.IndexOf('/', StringComparison.Ordinal) + 1), out var id) ? id : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry check failed: {Code} {Detail}")]
    private static partial void LogUnavailable(ILogger logger, StatusCode code, string detail);
}
