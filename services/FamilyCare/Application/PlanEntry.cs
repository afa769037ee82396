using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>One visit of a week plan being accepted, as validated from the request (<see cref="Index"/> names it in errors).</summary>
public sealed record PlanEntry(int Index, Guid FamilyId, VisitSlot Slot, IReadOnlyList<string> StaffIds, Guid? VisitId, Guid? CampaignId);
