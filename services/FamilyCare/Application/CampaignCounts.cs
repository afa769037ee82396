namespace DonationRegistry.FamilyCare.Application;

/// <summary>How many of a campaign's visits (in the listed region) stand where; visited counts followed-up and closed-after-visit too.</summary>
public sealed record CampaignCounts(int Planned, int Scheduled, int Visited, int Missed, int Closed);
