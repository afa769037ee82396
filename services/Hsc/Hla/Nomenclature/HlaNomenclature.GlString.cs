using System.Collections.Immutable;

namespace DonationRegistry.Hla;

public sealed partial class HlaNomenclature
{
    /// <summary>
    /// Parses a GL String (<c>^</c> loci, <c>|</c> genotype alternatives, <c>+</c> chromosomes, <c>~</c> haplotype, <c>/</c>
    /// alleles; <c>HLA-</c> prefixes optional) into a genotype at the matching loci A, B, C, DRB1, DQB1, DPB1. Typings of other
    /// loci (DRB3/4/5, DQA1, …) are validated and then left out. Rules:
    /// <list type="bullet">
    /// <item>Genotype ambiguity is folded into the positions: for <c>a+b|c+d</c> the first position stands for a or c and the
    /// second for b or d (the pairing between alternatives is lost; matching only asks what each position may be).</item>
    /// <item>A locus with one chromosome only (<c>A*01:01</c>, no <c>+</c>) is read as homozygous.</item>
    /// <item>Within one genotype both chromosomes must type the same matching loci (DRB3/4/5 may pair with each other, as
    /// people carry 0–2 of them); a locus may appear in one <c>^</c> block only.</item>
    /// </list>
    /// </summary>
    /// <exception cref="HlaTypingException">Naming the bad token (a typing, or the piece around a misplaced delimiter).</exception>
    public Genotype ParseGlString(string glString)
    {
        if (string.IsNullOrWhiteSpace(glString)) throw new HlaTypingException(glString ?? "", "empty GL String");
        var text = glString.Trim();
        var positions = new Dictionary<string, (List<string> First, List<string> Second, int Block)>(StringComparer.Ordinal);
        var order = new List<string>();
        var blocks = text.Split('^');
        for (var b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b].Trim();
            if (block.Length == 0) throw new HlaTypingException(text, "empty locus block ('^' at the start or end, or '^^')");
            foreach (var rawAlternative in block.Split('|'))
            {
                var alternative = rawAlternative.Trim();
                if (alternative.Length == 0) throw new HlaTypingException(block, "empty genotype alternative beside '|'");
                var chromosomes = alternative.Split('+');
                if (chromosomes.Length > 2) throw new HlaTypingException(alternative, "more than two chromosomes ('+') in one genotype");
                var genesPerChromosome = new List<HashSet<string>>();
                for (var c = 0; c < chromosomes.Length; c++)
                {
                    var chromosome = chromosomes[c].Trim();
                    if (chromosome.Length == 0) throw new HlaTypingException(alternative, "empty typing beside '+'");
                    var genes = new HashSet<string>(StringComparer.Ordinal);
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var rawTyping in chromosome.Split('~'))
                    {
                        var typing = rawTyping.Trim();
                        if (typing.Length == 0) throw new HlaTypingException(chromosome, "empty typing beside '~'");
                        var gene = GeneOfItem(typing, typing);
                        if (!seen.Add(gene)) throw new HlaTypingException(chromosome, $"locus {gene} twice in one haplotype");
                        // DRB3/4/5 are present in 0–2 copies per person, so "DRB3*…+DRB4*…" is a valid pair; only matching
                        // loci must appear on both chromosomes.
                        if (Loci.TryParse(gene, out _)) genes.Add(gene);
                        if (!positions.TryGetValue(gene, out var slot))
                        {
                            positions[gene] = slot = ([], [], b);
                            order.Add(gene);
                        }
                        else if (slot.Block != b)
                        {
                            throw new HlaTypingException(typing, $"locus {gene} appears in two '^' blocks");
                        }
                        (c == 0 ? slot.First : slot.Second).Add(typing);
                    }
                    genesPerChromosome.Add(genes);
                }
                if (genesPerChromosome.Count == 2 && !genesPerChromosome[0].SetEquals(genesPerChromosome[1]))
                {
                    throw new HlaTypingException(alternative, "the two chromosomes ('+') type different loci");
                }
            }
        }

        var loci = ImmutableDictionary.CreateBuilder<Locus, LocusTyping>();
        foreach (var gene in order)
        {
            var (first, second, _) = positions[gene];
            if (Loci.TryParse(gene, out var locus))
            {
                var firstTyping = Position(locus.Value, first);
                var secondTyping = second.Count == 0 ? firstTyping : Position(locus.Value, second);
                loci[locus.Value] = new LocusTyping(firstTyping, secondTyping);
            }
            else
            {
                foreach (var typing in first.Concat(second)) Resolve(typing, gene);
            }
        }
        return new Genotype(Release, loci.ToImmutable());
    }

    private PositionTyping Position(Locus locus, List<string> typings)
    {
        var distinct = typings.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 1) return Interpret(locus, distinct[0]);
        var alleles = new HashSet<int>();
        foreach (var typing in distinct)
        {
            foreach (var name in Interpret(locus, typing).Alleles) alleles.Add(_byName[name]);
        }
        return Build(locus, string.Join('/', distinct), TypingForm.AlleleString, alleles);
    }
}
