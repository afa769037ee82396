using DonationRegistry.Hla;
using DonationRegistry.Hsc.Domain.Typings;

namespace DonationRegistry.Hsc.Searching;

/// <summary>The resolution of an interpreted genotype: its worst position decides.</summary>
public static class TypingResolutions
{
    public static TypingResolution Of(Genotype genotype)
    {
        var worst = TypingResolution.Allele;
        foreach (var locus in genotype.Loci.Values)
        {
            foreach (var position in new[] { locus.First, locus.Second })
            {
                var resolution = Of(position);
                if (resolution < worst)
                {
                    worst = resolution;
                }
            }
        }
        return genotype.Loci.Count == 0 ? TypingResolution.Unknown : worst;
    }

    public static TypingResolution Of(PositionTyping position) => position switch
    {
        { Form: TypingForm.Serology } => TypingResolution.Serological,
        { Form: TypingForm.XxCode } => TypingResolution.Low,
        { IsSingleAllele: true } => TypingResolution.Allele,
        { PGroups.Length: <= 1 } => TypingResolution.High,
        _ => TypingResolution.Intermediate,
    };

    /// <summary>A donor can be searched once typed at A, B and DRB1.</summary>
    public static bool Searchable(Genotype genotype) =>
        genotype[Locus.A] is not null && genotype[Locus.B] is not null && genotype[Locus.Drb1] is not null;
}
