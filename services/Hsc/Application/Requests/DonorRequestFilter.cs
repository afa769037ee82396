using DonationRegistry.Hsc.Domain.Requests;

namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>ListDonorRequests filters; null means "any".</summary>
public sealed record DonorRequestFilter(DonorRequestStatus? Status, Guid? DonorId, Guid? SearchId, string? CityRegion);
