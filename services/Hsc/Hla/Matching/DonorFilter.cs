namespace DonationRegistry.Hla.Matching;

/// <summary>Non-HLA donor filters of a search; every null or empty member means "any".</summary>
public sealed record DonorFilter
{
    /// <summary>No filter.</summary>
    public static DonorFilter None { get; } = new();

    /// <summary>Youngest age allowed (whole years on the search's as-of date).</summary>
    public int? MinAge { get; init; }

    /// <summary>Oldest age allowed (whole years on the search's as-of date).</summary>
    public int? MaxAge { get; init; }

    /// <summary>The sex wanted, or null for any.</summary>
    public DonorSex? Sex { get; init; }

    /// <summary>ABO groups allowed, or empty for any.</summary>
    public IReadOnlyCollection<AboGroup> AboGroups { get; init; } = [];

    /// <summary>The CMV status wanted, or null for any.</summary>
    public CmvStatus? Cmv { get; init; }

    /// <summary>Region codes allowed, or empty for the whole pool.</summary>
    public IReadOnlyCollection<string> RegionCodes { get; init; } = [];
}
