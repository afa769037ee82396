namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>A student aid fund set up by one tier's Red Cross for its region; its money is given per year in <see cref="FundBudget"/>.</summary>
public sealed class AidFund
{
    private AidFund()
    {
        Name = Region = "";
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public AidTier Tier { get; private set; }
    /// <summary>The owning Red Cross's region: the province for Province, a city for City, a county for County.</summary>
    public string Region { get; private set; }

    public static AidFund Create(Guid id, string name, AidTier tier, string region)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ValidationFailedException("fund.display_name", "A fund needs a name.");
        }
        if (!RegionCodes.IsZhejiang(region) || TierOf(region) != tier)
        {
            throw new ValidationFailedException("fund.region", $"'{region}' is not a {tier}-level Zhejiang region code.");
        }
        return new AidFund { Id = id, Name = name.Trim(), Tier = tier, Region = region };
    }

    /// <summary>The tier a region code belongs to: 330000 province, 33xx00 city, anything else county.</summary>
    public static AidTier TierOf(string region) =>
        region == RegionCodes.Province ? AidTier.Province
        : region.EndsWith("00", StringComparison.Ordinal) ? AidTier.City
        : AidTier.County;

    /// <summary>Whether the fund may pay for a family living in <paramref name="familyRegion"/>.</summary>
    public bool Covers(string familyRegion) => RegionCodes.Contains(Region, familyRegion);
}
