namespace DonationRegistry.Hla.Matching;

/// <summary>
/// How one locus of a donor matches the patient. Positions are the patient's (1 and 2); <see cref="Crossed"/> says the patient's
/// first position was paired with the donor's second. An untyped locus (either side) has <see cref="Typed"/> false, counts as two
/// potential matches, no grades and Potential confidence.
/// </summary>
/// <param name="Locus">The locus.</param>
/// <param name="Typed">Both patient and donor are typed at this locus.</param>
/// <param name="Counted">Whether the locus counts under the search's criteria.</param>
/// <param name="MatchCount">0, 1 or 2: the better of the direct and the crossed pairing (2 when untyped).</param>
/// <param name="Crossed">The pairing chosen is crossed.</param>
/// <param name="Grade1">Grade of the patient's first position, or null when untyped.</param>
/// <param name="Grade2">Grade of the patient's second position, or null when untyped.</param>
/// <param name="Confidence1">Confidence of the patient's first position.</param>
/// <param name="Confidence2">Confidence of the patient's second position.</param>
public sealed record LocusMatch(
    Locus Locus,
    bool Typed,
    bool Counted,
    int MatchCount,
    bool Crossed,
    MatchGrade? Grade1,
    MatchGrade? Grade2,
    MatchConfidence Confidence1,
    MatchConfidence Confidence2)
{
    /// <summary>2 − <see cref="MatchCount"/>.</summary>
    public int MismatchCount => 2 - MatchCount;

    /// <summary>The locus confidence: the worse of its two positions.</summary>
    public MatchConfidence Confidence => Confidence1 > Confidence2 ? Confidence1 : Confidence2;
}
