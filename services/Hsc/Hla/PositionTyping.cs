using System.Collections.Immutable;

namespace DonationRegistry.Hla;

/// <summary>
/// One typed position (one of the two typings at a locus) as interpreted against one IMGT release: every current allele it may
/// stand for and the P groups those alleles fall into. This is all the matching engine needs; the nomenclature produces it.
/// </summary>
/// <param name="Locus">The locus.</param>
/// <param name="Written">The typing as written by the lab or user, e.g. <c>A*01:AB</c> (kept for display and explanation).</param>
/// <param name="Form">Which typing form it was written in.</param>
/// <param name="Alleles">Every current allele (full name, e.g. <c>A*01:01:01:01</c>) it may be, ordinal-sorted, distinct.</param>
/// <param name="PGroups">
/// Ids (in the release's per-locus P-group numbering, see the nomenclature) of the P groups of its expressing alleles, sorted
/// ascending, distinct. Empty when every candidate is a null allele. An expressing allele that belongs to no multi-member P group
/// has its own singleton P-group id, so "share a P group" is always "share an id".
/// </param>
/// <param name="IsNull">True when every candidate allele is a null (non-expressed) allele.</param>
public sealed record PositionTyping(
    Locus Locus,
    string Written,
    TypingForm Form,
    ImmutableArray<string> Alleles,
    ImmutableArray<int> PGroups,
    bool IsNull)
{
    /// <summary>True when the typing names exactly one allele (the best confidence a position can have).</summary>
    public bool IsSingleAllele => Alleles.Length == 1;

    /// <summary>True for molecular typings (everything except serology).</summary>
    public bool IsMolecular => Form != TypingForm.Serology;
}
