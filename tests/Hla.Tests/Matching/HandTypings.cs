using System.Collections.Immutable;
using DonationRegistry.Hla;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// Hand-made interpreted typings for engine tests that must not depend on a release: a position is written as
/// <c>"1,2"</c> (its P-group ids), <c>"N"</c> (a null allele) or <c>"3!"</c> (a single unambiguous allele in P group 3), and a
/// genotype as <c>"A=1,2+3;B=4+5;DRB1=6+6"</c>.
/// </summary>
internal static class HandTypings
{
    public static PositionTyping Position(Locus locus, string text)
    {
        text = text.Trim();
        if (text == "N")
            return new PositionTyping(locus, $"{Loci.Name(locus)}*N", TypingForm.Allele, [$"{Loci.Name(locus)}*99:99N"], [], true);
        var single = text.EndsWith('!');
        var groups = text.TrimEnd('!').Split(',').Select(int.Parse).Distinct().Order().ToImmutableArray();
        var alleles = single
            ? [$"{Loci.Name(locus)}*{groups[0]:00}:01"]
            : groups.SelectMany(g => new[] { $"{Loci.Name(locus)}*{g:00}:01", $"{Loci.Name(locus)}*{g:00}:02" }).Order(StringComparer.Ordinal).ToImmutableArray();
        var form = single ? TypingForm.Allele : TypingForm.AlleleString;
        return new PositionTyping(locus, $"{Loci.Name(locus)}*{text}", form, alleles, groups, false);
    }

    public static Genotype Genotype(string text)
    {
        var loci = ImmutableDictionary.CreateBuilder<Locus, LocusTyping>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]);
            if (!Loci.TryParse(name, out var locus)) throw new ArgumentException(name);
            var positions = value.Split('+');
            loci[locus.Value] = new LocusTyping(Position(locus.Value, positions[0]), Position(locus.Value, positions[1]));
        }
        return new Genotype("test", loci.ToImmutable());
    }
}
