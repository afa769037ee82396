namespace DonationRegistry.Contracts;

/// <summary>
/// Published by the HSC service when the last active donor request on a donor ended and the donor went back to the search pool
/// (Reserved → Available). Only the pseudonymous donor id travels.
/// </summary>
public sealed record DonorReleased(Guid DonorId, DateTimeOffset ReleasedAt) : IIntegrationEvent;
