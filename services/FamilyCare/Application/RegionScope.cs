namespace DonationRegistry.FamilyCare.Application;

/// <summary>Which regions reach a region: things of the city and the province above a county also serve it (funds, campaigns, staff).</summary>
public static class RegionScope
{
    /// <summary>The regions above <paramref name="region"/>: a county's city and the province; a city's province; none for the province.</summary>
    public static IReadOnlyList<string> Above(string region) =>
        region == RegionCodes.Province ? []
        : region.EndsWith("00", StringComparison.Ordinal) ? [RegionCodes.Province]
        : [RegionCodes.CityOf(region), RegionCodes.Province];
}
