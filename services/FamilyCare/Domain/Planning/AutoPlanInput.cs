using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>
/// The week to plan (<see cref="WeekStart"/> and the six days after it), the team, the due items, and the bookings the staff already
/// hold that week (those slots are not free).
/// </summary>
public sealed record AutoPlanInput(
    DateOnly WeekStart, IReadOnlyList<PlannerStaff> Team, IReadOnlyList<DueItem> Due, IReadOnlyList<Booking> ExistingBookings);
