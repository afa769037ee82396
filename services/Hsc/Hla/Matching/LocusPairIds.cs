using System.Runtime.CompilerServices;

namespace DonationRegistry.Hla.Matching;

/// <summary>Pair ids of one donor in <see cref="Loci.All"/> order, inline (no array per donor while building).</summary>
[InlineArray(6)]
internal struct LocusPairIds
{
    private int _element;
}
