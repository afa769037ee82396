namespace DonationRegistry.Hla;

/// <summary>How sure a position's match is, best first.</summary>
public enum MatchConfidence
{
    /// <summary>Both typings are single unambiguous alleles and they match.</summary>
    Definite,
    /// <summary>Both are molecular and each maps to exactly one (the same) P group.</summary>
    Exact,
    /// <summary>They may match: at least one typing is ambiguous (strings, codes, serology, untyped).</summary>
    Potential,
    /// <summary>They cannot match.</summary>
    Mismatch,
}
