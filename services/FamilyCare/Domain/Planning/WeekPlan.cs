namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>The auto-planner's proposal: visits by slot and staff, and the due items that did not fit the week.</summary>
public sealed record WeekPlan(IReadOnlyList<ProposedVisit> Visits, IReadOnlyList<DueItem> Unplanned);
