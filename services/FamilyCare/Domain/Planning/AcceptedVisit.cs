using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>
/// One visit of an accepted week plan: its position in the request (to name it in errors), the visit to schedule (existing or newly
/// planned), the family's region, the slot and the staff.
/// </summary>
public sealed record AcceptedVisit(int Index, Visit Visit, VisitSlot Slot, IReadOnlyList<StaffMember> Staff);
