using System.Diagnostics.CodeAnalysis;

namespace DonationRegistry.Hla;

/// <summary>Names of the matching loci as IMGT writes them, and the sets searches use.</summary>
public static class Loci
{
    /// <summary>The five loci counted in "x/10": A, B, C, DRB1, DQB1.</summary>
    public static IReadOnlyList<Locus> Matched { get; } = [Locus.A, Locus.B, Locus.C, Locus.Drb1, Locus.Dqb1];

    /// <summary>Every locus a genotype may carry: the five matched loci and DPB1.</summary>
    public static IReadOnlyList<Locus> All { get; } = [Locus.A, Locus.B, Locus.C, Locus.Drb1, Locus.Dqb1, Locus.Dpb1];

    /// <summary>The IMGT gene name, e.g. <c>DRB1</c>.</summary>
    public static string Name(Locus locus) => locus switch
    {
        Locus.A => "A",
        Locus.B => "B",
        Locus.C => "C",
        Locus.Drb1 => "DRB1",
        Locus.Dqb1 => "DQB1",
        Locus.Dpb1 => "DPB1",
        _ => throw new ArgumentOutOfRangeException(nameof(locus)),
    };

    /// <summary>Reads an IMGT gene name (case-insensitive, optional <c>HLA-</c> prefix).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out Locus? locus)
    {
        locus = null;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var trimmed = name.Trim();
        if (trimmed.StartsWith("HLA-", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[4..];
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                locus = candidate;
                return true;
            }
        }
        return false;
    }
}
