namespace DonationRegistry.SyntheticDonors;

/// <summary>How a synthetic pool looks besides its haplotype model.</summary>
public sealed record SyntheticPoolOptions
{
    /// <summary>The defaults: 15 % legacy typings, DPB1 for 60 %, no MACs, ages in 2026.</summary>
    public static SyntheticPoolOptions Default { get; } = new();

    /// <summary>Share of donors with an old or low-resolution typing (a real registry has 10–20 %).</summary>
    public double LegacyFraction { get; init; } = 0.15;

    /// <summary>Share of high-resolution donors also typed at DPB1.</summary>
    public double Dpb1Fraction { get; init; } = 0.60;

    /// <summary>
    /// NMDP multiple-allele codes the legacy typings may use: code → expansion as NMDP's code table writes it, either second
    /// fields (<c>AB</c> → <c>01/02</c>, meaning the family of the typing) or full two-field names (<c>XY</c> → <c>02:01/02:07</c>).
    /// Only codes whose expansion holds the donor's true allele are used. Null or empty: no MACs.
    /// </summary>
    public IReadOnlyDictionary<string, string>? MacTable { get; init; }

    /// <summary>The year ages are counted in (kept explicit so a pool does not change with the clock).</summary>
    public int ReferenceYear { get; init; } = 2026;

    /// <summary>Youngest donor age.</summary>
    public int MinAge { get; init; } = 18;

    /// <summary>Oldest donor age.</summary>
    public int MaxAge { get; init; } = 60;

    /// <summary>Share of male donors (Chinese registries recruit somewhat more men).</summary>
    public double MaleFraction { get; init; } = 0.55;

    /// <summary>Share of donors known CMV-positive (most adults in China are).</summary>
    public double CmvPositiveFraction { get; init; } = 0.88;

    /// <summary>Share of donors never tested for CMV.</summary>
    public double CmvUnknownFraction { get; init; } = 0.04;
}
