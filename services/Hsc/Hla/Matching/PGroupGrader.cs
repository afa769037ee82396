namespace DonationRegistry.Hla.Matching;

/// <summary>
/// Grades from the interpreted typings alone, without the nomenclature's allele status or serology tables: same single allele →
/// CDna (gDNA needs Allele_status), a shared allele name → CDna, shared first two fields → Protein, else a shared P group →
/// PGroup. No TCE groups. Used before a release is loaded and in tests with hand-made typings.
/// </summary>
public sealed class PGroupGrader : IPositionGrader
{
    /// <summary>The shared instance (stateless).</summary>
    public static PGroupGrader Instance { get; } = new();

    public MatchGrade Grade(PositionTyping patient, PositionTyping donor)
    {
        if (!PGroupSets.Intersect(patient.PGroups.AsSpan(), donor.PGroups.AsSpan()))
            return patient.IsNull != donor.IsNull ? MatchGrade.ExpressingVsNull : MatchGrade.Mismatch;
        if (SharesAllele(patient, donor)) return MatchGrade.CDna;
        if (SharesProtein(patient, donor)) return MatchGrade.Protein;
        return MatchGrade.PGroup;
    }

    public MatchConfidence Confidence(PositionTyping patient, PositionTyping donor)
    {
        if (!PGroupSets.Intersect(patient.PGroups.AsSpan(), donor.PGroups.AsSpan())) return MatchConfidence.Mismatch;
        if (patient.IsSingleAllele && donor.IsSingleAllele && patient.Alleles[0] == donor.Alleles[0]) return MatchConfidence.Definite;
        if (patient.IsMolecular && donor.IsMolecular && patient.PGroups.Length == 1 && donor.PGroups.Length == 1)
            return MatchConfidence.Exact;
        return MatchConfidence.Potential;
    }

    public int? TceGroup(PositionTyping dpb1) => null;

    private static bool SharesAllele(PositionTyping a, PositionTyping b)
    {
        var (small, large) = a.Alleles.Length <= b.Alleles.Length ? (a.Alleles, b.Alleles) : (b.Alleles, a.Alleles);
        foreach (var allele in small)
        {
            if (large.AsSpan().BinarySearch(allele, StringComparer.Ordinal) >= 0) return true;
        }
        return false;
    }

    private static bool SharesProtein(PositionTyping a, PositionTyping b)
    {
        var proteins = a.Alleles.Select(TwoFields).ToHashSet(StringComparer.Ordinal);
        return b.Alleles.Any(allele => proteins.Contains(TwoFields(allele)));
    }

    private static string TwoFields(string allele)
    {
        var first = allele.IndexOf(':', StringComparison.Ordinal);
        if (first < 0) return allele;
        var second = allele.IndexOf(':', first + 1);
        return second < 0 ? allele.TrimEnd('N', 'L', 'S', 'Q', 'C', 'A') : allele[..second];
    }
}
