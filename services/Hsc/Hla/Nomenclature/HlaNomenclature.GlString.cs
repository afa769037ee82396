using System.Collections.Immutable;
using DonationRegistry.Hla.Nomenclature;

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
    /// Each position is interpreted through the <see cref="Interpret(Locus, string)"/> cache, so parsing a registry's GL Strings
    /// costs a few microseconds each.
    /// </summary>
    /// <exception cref="HlaTypingException">Naming the bad token (a typing, or the piece around a misplaced delimiter).</exception>
    public Genotype ParseGlString(string glString)
    {
        if (string.IsNullOrWhiteSpace(glString)) throw new HlaTypingException(glString ?? "", "empty GL String");
        var text = glString.Trim();
        var slots = new List<GlSlot>(8);
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
                var matchingLoci = 0L; // bit per matching locus, first chromosome; compared with the second's
                for (var c = 0; c < chromosomes.Length; c++)
                {
                    var chromosome = chromosomes[c].Trim();
                    if (chromosome.Length == 0) throw new HlaTypingException(alternative, "empty typing beside '+'");
                    var seen = 0L;
                    var otherGenes = (List<string>?)null;
                    foreach (var rawTyping in chromosome.Split('~'))
                    {
                        var typing = rawTyping.Trim();
                        if (typing.Length == 0) throw new HlaTypingException(chromosome, "empty typing beside '~'");
                        var gene = GeneOfItem(typing, typing);
                        // DRB3/4/5 are present in 0–2 copies per person, so "DRB3*…+DRB4*…" is a valid pair; only matching
                        // loci must appear on both chromosomes.
                        if (LocusOfGene(gene) is { } matching)
                        {
                            var bit = 1L << (int)matching;
                            if ((seen & bit) != 0) throw new HlaTypingException(chromosome, $"locus {gene} twice in one haplotype");
                            seen |= bit;
                        }
                        else
                        {
                            otherGenes ??= [];
                            if (otherGenes.Contains(gene)) throw new HlaTypingException(chromosome, $"locus {gene} twice in one haplotype");
                            otherGenes.Add(gene);
                        }
                        Slot(slots, gene, LocusOfGene(gene), b, typing).Add(c, typing);
                    }
                    if (c == 0) matchingLoci = seen;
                    else if (seen != matchingLoci) throw new HlaTypingException(alternative, "the two chromosomes ('+') type different loci");
                }
            }
        }

        var loci = ImmutableDictionary.CreateBuilder<Locus, LocusTyping>();
        foreach (var slot in slots)
        {
            if (slot.Locus is { } locus)
            {
                var first = Position(locus, slot.First);
                var second = slot.Second.Count == 0 ? first : Position(locus, slot.Second);
                loci[locus] = new LocusTyping(first, second);
            }
            else
            {
                foreach (var typing in slot.First.Concat(slot.Second)) Resolve(typing, slot.Gene);
            }
        }
        return new Genotype(Release, loci.ToImmutable());
    }

    private static GlSlot Slot(List<GlSlot> slots, string gene, Locus? locus, int block, string typing)
    {
        foreach (var slot in slots)
        {
            if (slot.Gene != gene) continue;
            return slot.Block == block ? slot : throw new HlaTypingException(typing, $"locus {gene} appears in two '^' blocks");
        }
        var added = new GlSlot(gene, locus, block);
        slots.Add(added);
        return added;
    }

    private PositionTyping Position(Locus locus, List<string> typings)
    {
        if (typings.Count == 1) return Interpret(locus, typings[0]);
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
