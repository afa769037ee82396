using System.Collections.Immutable;
using DonationRegistry.Hla;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// Genotypes for the table tests, interpreted position by position with the 3.58.0 nomenclature: a base patient (a common Han
/// Chinese typing) with one locus replaced, written as <c>"X+Y"</c> per locus (empty = untyped), so any typing form a position may
/// take (serology included) can be used.
/// </summary>
internal static class RealGenotypes
{
    public static readonly IReadOnlyDictionary<Locus, string> Base = new Dictionary<Locus, string>
    {
        [Locus.A] = "A*02:07:01:01+A*11:01:01:01",
        [Locus.B] = "B*46:01:01:01+B*40:01:02:01",
        [Locus.C] = "C*01:02:01:01+C*07:02:01:01",
        [Locus.Drb1] = "DRB1*09:01:02:01+DRB1*15:01:01:01",
        [Locus.Dqb1] = "DQB1*03:03:02:01+DQB1*06:01:01:01",
    };

    /// <summary>The base typing with the given loci replaced (a locus given as "" is untyped).</summary>
    public static Genotype With(params (Locus Locus, string Typing)[] replaced)
    {
        var loci = new Dictionary<Locus, string>(Base);
        foreach (var (locus, typing) in replaced) loci[locus] = typing;
        var builder = ImmutableDictionary.CreateBuilder<Locus, LocusTyping>();
        foreach (var (locus, typing) in loci)
        {
            if (typing.Length == 0) continue;
            var positions = typing.Split('+');
            builder[locus] = new LocusTyping(
                MatchingRelease.Nomenclature.Interpret(locus, positions[0]),
                MatchingRelease.Nomenclature.Interpret(locus, positions[1]));
        }
        return new Genotype(MatchingRelease.Nomenclature.Release, builder.ToImmutable());
    }

    public static Locus ParseLocus(string name) =>
        Loci.TryParse(name, out var locus) ? locus.Value : throw new ArgumentException($"not a locus: {name}", nameof(name));
}
