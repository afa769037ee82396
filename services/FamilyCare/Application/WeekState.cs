using DonationRegistry.FamilyCare.Domain.Planning;
using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// What a week plan is based on: the team, its bookings that week, the region's due list (families with a scheduled visit left out)
/// and each due family's open planned visit. <see cref="Etag"/> is a hash of all of it: a proposal is accepted only while it holds.
/// </summary>
public sealed record WeekState(
    IReadOnlyList<StaffMember> Team,
    IReadOnlyList<Booking> Bookings,
    IReadOnlyList<DueItem> Due,
    IReadOnlyDictionary<Guid, Guid> PlannedVisitOf,
    string Etag);
