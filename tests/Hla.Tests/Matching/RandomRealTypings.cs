using System.Collections.Immutable;
using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// Random genotypes from real 3.58.0 alleles for the property tests (seeded). Each locus draws from a fixed random working set
/// of alleles (so patients and donors share alleles often enough to match), nulls included, written in the forms a registry
/// holds: full names, two-field names, XX codes, two-allele strings and serology; C, DQB1 and DPB1 are sometimes untyped.
/// </summary>
internal sealed class RandomRealTypings
{
    private readonly Random _random;
    private readonly HlaNomenclature _nomenclature;
    private readonly Dictionary<Locus, string[]> _workingSets = [];

    public RandomRealTypings(int seed, HlaNomenclature nomenclature)
    {
        _random = new Random(seed);
        _nomenclature = nomenclature;
        foreach (var locus in Loci.All)
        {
            var prefix = Loci.Name(locus) + "*";
            var all = nomenclature.Data.Alleles.Where(a => a.Name.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            var expressing = all.Where(a => !a.IsNull).ToArray();
            var nulls = all.Where(a => a.IsNull).ToArray();
            var set = Enumerable.Range(0, 24).Select(_ => expressing[_random.Next(expressing.Length)].Name)
                .Concat(Enumerable.Range(0, 2).Select(_ => nulls[_random.Next(nulls.Length)].Name));
            _workingSets[locus] = [.. set];
        }
    }

    public Genotype Genotype()
    {
        var loci = ImmutableDictionary.CreateBuilder<Locus, LocusTyping>();
        foreach (var locus in Loci.All)
        {
            var optional = locus is Locus.C or Locus.Dqb1 or Locus.Dpb1;
            if (optional && _random.Next(8) == 0) continue;
            loci[locus] = new LocusTyping(Position(locus), Position(locus));
        }
        return new Genotype(_nomenclature.Release, loci.ToImmutable());
    }

    private PositionTyping Position(Locus locus)
    {
        var set = _workingSets[locus];
        var allele = set[_random.Next(set.Length)];
        var fields = allele[(allele.IndexOf('*', StringComparison.Ordinal) + 1)..].TrimEnd('N', 'L', 'S', 'Q', 'C', 'A').Split(':');
        var gene = allele[..allele.IndexOf('*', StringComparison.Ordinal)];
        var written = _random.Next(10) switch
        {
            0 or 1 => $"{gene}*{fields[0]}:{fields[1]}",
            2 => $"{gene}*{fields[0]}:XX",
            3 => $"{allele}/{set[_random.Next(set.Length)]}",
            4 => Serology(allele),
            _ => allele,
        };
        try
        {
            return _nomenclature.Interpret(locus, written);
        }
        catch (HlaTypingException)
        {
            return _nomenclature.Interpret(locus, allele);
        }
    }

    private string Serology(string allele)
    {
        try
        {
            return _nomenclature.Reduce(allele, ReductionTarget.Serology).Split('/')[0];
        }
        catch (HlaTypingException)
        {
            return allele;
        }
    }
}
