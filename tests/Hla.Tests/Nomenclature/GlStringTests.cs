using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>GL String parsing into a genotype at the matching loci.</summary>
public class GlStringTests
{
    private static HlaNomenclature Nom => Nomenclatures.V3580;

    [Fact]
    public void ParseGlString_WhenSixLoci_TypesEveryLocusWithTheRelease()
    {
        var genotype = Nom.ParseGlString(
            "HLA-A*01:01:01:01+HLA-A*02:01^HLA-B*07:02+HLA-B*08:01^HLA-C*07:01+HLA-C*07:02^HLA-DRB1*15:01+HLA-DRB1*03:01"
            + "^HLA-DQB1*06:02+HLA-DQB1*02:01^HLA-DPB1*04:01+HLA-DPB1*02:01");
        Assert.Equal("3.58.0", genotype.Release);
        Assert.Equal(6, genotype.Loci.Count);
        Assert.Equal("HLA-A*01:01:01:01", genotype[Locus.A]!.First.Written);
        Assert.Single(genotype[Locus.A]!.First.Alleles);
        Assert.Equal(477, genotype[Locus.A]!.Second.Alleles.Length);
        Assert.Equal("HLA-DPB1*02:01", genotype[Locus.Dpb1]!.Second.Written);
    }

    [Fact]
    public void ParseGlString_WhenOtherLociPresent_ValidatesAndLeavesThemOut()
    {
        var genotype = Nom.ParseGlString("A*01:01+A*02:01^DRB3*01:01+DRB4*01:01^DRB1*04:01+DRB1*07:01^DQA1*01:01+DQA1*02:01");
        Assert.Equal([Locus.A, Locus.Drb1], genotype.Loci.Keys.Order());
    }

    [Fact]
    public void ParseGlString_WhenAlleleList_KeepsTheListAsOnePosition()
    {
        var genotype = Nom.ParseGlString("A*01:01/A*01:02+A*24:02:01:01/A*24:02:01:03");
        Assert.Equal(TypingForm.AlleleString, genotype[Locus.A]!.First.Form);
        Assert.Equal(284, genotype[Locus.A]!.First.Alleles.Length);
        Assert.Equal(["A*24:02:01:01", "A*24:02:01:03"], genotype[Locus.A]!.Second.Alleles.AsEnumerable());
    }

    [Fact]
    public void ParseGlString_WhenGenotypeAmbiguity_FoldsAlternativesIntoEachPosition()
    {
        var genotype = Nom.ParseGlString("A*01:01:01:01+A*02:01:01:01|A*01:01:01:03+A*03:01:01:01");
        Assert.Equal(["A*01:01:01:01", "A*01:01:01:03"], genotype[Locus.A]!.First.Alleles.AsEnumerable());
        Assert.Equal(["A*02:01:01:01", "A*03:01:01:01"], genotype[Locus.A]!.Second.Alleles.AsEnumerable());
        Assert.Equal("A*01:01:01:01/A*01:01:01:03", genotype[Locus.A]!.First.Written);
    }

    [Fact]
    public void ParseGlString_WhenPhasedHaplotypes_PutsEachLocusOnItsChromosome()
    {
        var genotype = Nom.ParseGlString("A*01:01:01:01~B*08:01:01:01+A*02:01:01:01~B*07:02:01:01");
        Assert.Equal(["A*01:01:01:01"], genotype[Locus.A]!.First.Alleles.AsEnumerable());
        Assert.Equal(["B*08:01:01:01"], genotype[Locus.B]!.First.Alleles.AsEnumerable());
        Assert.Equal(["A*02:01:01:01"], genotype[Locus.A]!.Second.Alleles.AsEnumerable());
        Assert.Equal(["B*07:02:01:01"], genotype[Locus.B]!.Second.Alleles.AsEnumerable());
    }

    [Fact]
    public void ParseGlString_WhenOneChromosomeOnly_ReadsTheLocusAsHomozygous()
    {
        var genotype = Nom.ParseGlString("A*01:01^B*07:02+B*08:01");
        Assert.Same(genotype[Locus.A]!.First, genotype[Locus.A]!.Second);
    }

    [Fact]
    public void ParseGlString_WhenLegacyForms_InterpretsEachForm()
    {
        var genotype = Nom.ParseGlString("A*01:AB+A*02:XX^B*0702+B*08:01:01G^DRB1*04:01P+DRB1*15:01/16:01");
        Assert.Equal(TypingForm.MultipleAlleleCode, genotype[Locus.A]!.First.Form);
        Assert.Equal(TypingForm.XxCode, genotype[Locus.A]!.Second.Form);
        Assert.Equal(TypingForm.Pre2010Allele, genotype[Locus.B]!.First.Form);
        Assert.Equal(TypingForm.GGroup, genotype[Locus.B]!.Second.Form);
        Assert.Equal(TypingForm.PGroup, genotype[Locus.Drb1]!.First.Form);
        Assert.Equal(TypingForm.AlleleString, genotype[Locus.Drb1]!.Second.Form);
    }

    [Fact]
    public void ParseGlString_WhenSameTypingAsInterpret_SharesTheCachedPosition() =>
        Assert.Same(Nom.Interpret(Locus.B, "B*07:02"), Nom.ParseGlString("A*01:01+A*02:01^B*07:02+B*08:01")[Locus.B]!.First);

    [Fact]
    public void ParseGlString_WhenSerology_TypesTheAntigensLocus()
    {
        var genotype = Nom.ParseGlString("A1+A9^B5+B7^DR4+DR17");
        Assert.Equal(TypingForm.Serology, genotype[Locus.A]!.Second.Form);
        Assert.Contains("A*24:02:01:01", genotype[Locus.A]!.Second.Alleles);
        Assert.Contains("DRB1*03:01:01:01", genotype[Locus.Drb1]!.Second.Alleles);
    }
}
