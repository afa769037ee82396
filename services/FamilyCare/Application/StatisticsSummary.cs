using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>The counts of GetFamilyCareStatistics (no personal data): see <see cref="CareStatistics"/>.</summary>
public sealed record StatisticsSummary(
    IReadOnlyDictionary<FamilyStatus, int> FamiliesByStatus,
    IReadOnlyList<(string Region, int Count)> InCareByRegion,
    IReadOnlyList<(SchoolStage Stage, int Children)> AidedByStage,
    IReadOnlyList<(AidFund Fund, int Year, decimal Amount, int Payments)> Disbursed,
    IReadOnlyList<(Campaign? Campaign, CampaignKind Kind, string Region, int Visited, int Missed)> Visits);
