namespace DonationRegistry.Contracts;

/// <summary>
/// Published by the HSC service when a donor request (供者申请) took a donor out of the search pool for a patient. Only
/// pseudonymous ids and the requesting city's region code travel: no names, ID numbers or patient data.
/// </summary>
public sealed record DonorReserved(Guid DonorId, Guid DonorRequestId, string CityRegion, DateTimeOffset ReservedAt) : IIntegrationEvent;
