namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>Donations of one city in one year (by hand-over date, Asia/Shanghai) and how many were international, second, independent.</summary>
public sealed record CollectionStatisticsRow(string CityRegion, int Year, int Donations, int International, int Second, int Independent);
