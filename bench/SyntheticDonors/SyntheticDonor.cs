namespace DonationRegistry.SyntheticDonors;

/// <summary>One synthetic donor: a GL String typing and the profile a search filters and ranks on.</summary>
/// <param name="Id">A deterministic id (same seed, same ids).</param>
/// <param name="GlString">The typing, loci in the order A, B, C, DRB1, DQB1, DPB1, untyped loci left out.</param>
/// <param name="BirthYear">Year of birth (age 18–60 in <see cref="SyntheticPoolOptions.ReferenceYear"/>).</param>
/// <param name="Sex"><c>M</c> or <c>F</c>.</param>
/// <param name="Abo"><c>O</c>, <c>A</c>, <c>B</c> or <c>AB</c>.</param>
/// <param name="CmvPositive">CMV serostatus; null when not tested.</param>
/// <param name="RegionCode">The administrative code of a Zhejiang prefecture-level city (330100 … 331100).</param>
/// <param name="IsLegacyTyping">True for an old or low-resolution typing (serology, XX codes, MACs, allele strings).</param>
public sealed record SyntheticDonor(
    Guid Id,
    string GlString,
    int BirthYear,
    string Sex,
    string Abo,
    bool? CmvPositive,
    string RegionCode,
    bool IsLegacyTyping);
