using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.OrganCases;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>The registry (the Registration service) as a donation case asks it: what is recorded for this person's donation of that kind.</summary>
public interface IRegistry
{
    /// <summary>The answer, or UNAVAILABLE (an <c>RpcException</c>) when the registry cannot be reached.</summary>
    Task<RegistryCheck> CheckAsync(IdType type, string idNumber, DonationKind donation, string purpose, CancellationToken cancellationToken);
}
