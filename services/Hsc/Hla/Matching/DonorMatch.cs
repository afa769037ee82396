namespace DonationRegistry.Hla.Matching;

/// <summary>One donor in a search result, scored.</summary>
/// <param name="DonorId">The donor.</param>
/// <param name="Rank">1-based rank in the whole result.</param>
/// <param name="MismatchCount">Mismatches over the counted loci.</param>
/// <param name="Loci">A, B, C, DRB1, DQB1 and DPB1 in that order (DPB1 never counted).</param>
/// <param name="Dpb1">DPB1 TCE-group category.</param>
public sealed record DonorMatch(Guid DonorId, int Rank, int MismatchCount, IReadOnlyList<LocusMatch> Loci, Dpb1Category Dpb1)
{
    /// <summary>The detail for <paramref name="locus"/>.</summary>
    public LocusMatch this[Locus locus] => Loci.First(l => l.Locus == locus);
}
