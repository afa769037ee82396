using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>A team member for the week: who they are (and their region) and the slots they are available.</summary>
public sealed record PlannerStaff(StaffMember Member, IReadOnlyList<VisitSlot> Available);
