namespace DonationRegistry.OrganCoordination.Domain.Overview;

/// <summary>The counts of one year (China Standard Time, by the case's opening), city (GB/T 2260, county codes rolled up) and kind.</summary>
public sealed record StatisticsRow(
    int Year,
    string RegionCode,
    DonationKind Donation,
    int Cases,
    int Donations,
    int Open,
    int Closed,
    IReadOnlyDictionary<string, int> ClosedByReason,
    int OrgansTransplanted,
    int OrgansDiscarded,
    int OrgansNotRecovered);
