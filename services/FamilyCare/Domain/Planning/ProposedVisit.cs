using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>One visit the auto-planner proposes: a family, its district, the slot and staff, and every due item it settles.</summary>
public sealed record ProposedVisit(Guid FamilyId, string District, VisitSlot Slot, IReadOnlyList<string> StaffIds, IReadOnlyList<DueItem> Covers);
