using DonationRegistry.Hsc.Domain.Donors;

namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>
/// The reservation rule: a donor is Reserved while any active request holds it and released when the last one ends. A donor may
/// be requested while Available, already Reserved (another patient's request) or Donated (second donation).
/// </summary>
public static class DonorHold
{
    /// <summary>The donor states a request may be opened in.</summary>
    public static IReadOnlyList<DonorStatus> RequestableStates { get; } = [DonorStatus.Available, DonorStatus.Reserved, DonorStatus.Donated];

    /// <summary>Whether a new request must reserve the donor (it is not reserved yet).</summary>
    public static bool MustReserve(Donor donor) => donor.Status != DonorStatus.Reserved;

    /// <summary>Whether the donor is to be released: Reserved and none of <paramref name="requestsOnDonor"/> holds it any more.</summary>
    public static bool MayRelease(Donor donor, IEnumerable<DonorRequest> requestsOnDonor) =>
        donor.Status == DonorStatus.Reserved && !requestsOnDonor.Any(r => r.DonorId == donor.Id && r.HoldsDonor);
}
