using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>The optional filters of ListVisits: a staff member's bookings, a family, a campaign, a date range, a state.</summary>
public sealed record VisitFilter(string? StaffId, Guid? FamilyId, Guid? CampaignId, DateOnly? From, DateOnly? To, VisitStatus? Status);
