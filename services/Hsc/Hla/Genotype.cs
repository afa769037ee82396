using System.Collections.Immutable;

namespace DonationRegistry.Hla;

/// <summary>
/// A person's HLA typing at the matching loci, interpreted against one release. A, B and DRB1 are always present for a searchable
/// donor; C, DQB1 and DPB1 may be missing (untyped), which a search treats as "potential" at that locus.
/// </summary>
/// <param name="Release">The IMGT/HLA release version the typings were interpreted with, e.g. <c>3.58.0</c>.</param>
/// <param name="Loci">The typed loci.</param>
public sealed record Genotype(string Release, ImmutableDictionary<Locus, LocusTyping> Loci)
{
    /// <summary>The typing at a locus, or null when the locus is untyped.</summary>
    public LocusTyping? this[Locus locus] => Loci.GetValueOrDefault(locus);
}
