namespace DonationRegistry.Hsc.Domain.Typings;

/// <summary>How precise a typing is, derived from the interpreted positions (the worst position decides).</summary>
public enum TypingResolution
{
    Unknown = 0,
    /// <summary>Serological antigens only.</summary>
    Serological = 1,
    /// <summary>Low resolution: first field, XX codes, or many candidate alleles.</summary>
    Low = 2,
    /// <summary>Intermediate: allele strings, MACs, several P groups.</summary>
    Intermediate = 3,
    /// <summary>High: every position a single P group (at least two fields).</summary>
    High = 4,
    /// <summary>Allele level: every position a single allele.</summary>
    Allele = 5,
}
