using DonationRegistry.Hla;

namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>
/// The confirmatory typing compared with the patient at the 10 positions of A, B, C, DRB1 and DQB1 (确认配型): per-locus matches,
/// the total, the threshold in force when it was compared and whether it passed. Built by the application from the HLA engine's
/// score; the rule itself lives here.
/// </summary>
public sealed record ConfirmatoryComparison(IReadOnlyList<LocusComparison> Loci, int MinimumMatches, string Release)
{
    /// <summary>The loci compared, in order.</summary>
    public static IReadOnlyList<Locus> ComparedLoci { get; } = [Locus.A, Locus.B, Locus.C, Locus.Drb1, Locus.Dqb1];

    /// <summary>The lowest threshold allowed by the rules (8/10; 10/10 is the strictest).</summary>
    public const int LowestMinimum = 8;

    /// <summary>Matches out of 10.</summary>
    public int TotalMatches => Loci.Where(l => ComparedLoci.Contains(l.Locus)).Sum(l => l.MatchCount);

    public bool Passed => TotalMatches >= MinimumMatches;

    /// <summary>"10/10", "7/10".</summary>
    public override string ToString() => $"{TotalMatches}/10";
}
