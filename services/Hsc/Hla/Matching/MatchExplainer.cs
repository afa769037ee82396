namespace DonationRegistry.Hla.Matching;

/// <summary>Scores one patient/donor pair with the same rules as a search, without an index.</summary>
public static class MatchExplainer
{
    /// <summary>
    /// The per-locus detail of <paramref name="donor"/> against <paramref name="patient"/> and whether a search with
    /// <paramref name="criteria"/> would return it (HLA only: the donor's profile and filters play no part; a donor untyped at A,
    /// B or DRB1 never meets any criteria).
    /// </summary>
    public static MatchExplanation Explain(Genotype patient, Genotype donor, MatchCriteria criteria, IPositionGrader? grader = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(donor);
        ArgumentNullException.ThrowIfNull(criteria);
        criteria.Validate();
        var match = DonorIndex.ScorePair(patient, donor, criteria, grader ?? PGroupGrader.Instance, Guid.Empty);
        var meets = match.MismatchCount <= criteria.MaxTotalMismatches
            && donor[Locus.A] is not null && donor[Locus.B] is not null && donor[Locus.Drb1] is not null
            && match.Loci.Where(l => l.Counted).All(l => l.MismatchCount <= criteria.MaxMismatchesAt(l.Locus));
        return new MatchExplanation(match, meets);
    }
}
