using DonationRegistry.Registration.Domain.Points;

namespace DonationRegistry.Registration.Application;

/// <summary>What enrolling someone at a point reads of it (one row, no history): whether the caller is on its staff is asked of the
/// database instead of loading the whole staff list.</summary>
internal sealed record PointEnrolmentRow(Guid Id, string Code, string RegionCode, PointStatus Status, List<PointService> Services, bool CallerIsStaff);
