using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>Typings and GL Strings that cannot be interpreted fail with an HlaTypingException naming the offending token.</summary>
public class MalformedTypingTests
{
    private static HlaNomenclature Nom => Nomenclatures.V3580;

    [Theory]
    [InlineData("", "", "empty")]
    [InlineData("   ", "", "empty")]
    [InlineData("A*", "A*", "no allele fields")]
    [InlineData("*01:01", "*01:01", "no locus")]
    [InlineData("A*01:01:01:01:01", "A*01:01:01:01:01", "malformed")]
    [InlineData("A*1:01", "A*1:01", "malformed")]
    [InlineData("A*2", "A*2", "malformed")]
    [InlineData("A*01:01X", "A*01:01X", "malformed")]
    [InlineData("A*01::01", "A*01::01", "empty field")]
    [InlineData("A*01:01:", "A*01:01:", "empty field")]
    [InlineData("A*0X01", "A*0X01", "malformed")]
    [InlineData("A*123456789", "A*123456789", "malformed")]
    [InlineData("A*01:01 01", "A*01:01 01", "spaces")]
    [InlineData("A*01:01;A*02:01", "A*01:01;A*02:01", "malformed")]
    [InlineData("A*99:99", "A*99:99", "no allele A*99:99")]
    [InlineData("A*01:01:01:01N", "A*01:01:01:01N", "no allele")]
    [InlineData("A*99:XX", "A*99:XX", "no allele family")]
    [InlineData("A*020", "A*020", "no allele family")]
    [InlineData("A*01:01:01:01G", "A*01:01:01:01G", "no G group")]
    [InlineData("A*99:01P", "A*99:01P", "no P group")]
    [InlineData("A*01:ZZ", "A*01:ZZ", "unknown NMDP code ZZ")]
    [InlineData("A*01:ABCDEF", "A*01:ABCDEF", "malformed NMDP code")]
    [InlineData("A*01:AT", "A*01:AT", "expands to no allele")]
    [InlineData("Q*01:01", "Q*01:01", "unknown locus")]
    [InlineData("DRB3*01:01", "DRB3*01:01", "not a matching locus")]
    [InlineData("A99", "A99", "no allele")]
    [InlineData("X1", "X1", "no locus")]
    [InlineData("Bw4", "Bw4", "no locus")]
    [InlineData("A*01:01/", "A*01:01/", "empty item")]
    [InlineData("A*01:01/B*07:02", "B*07:02", "locus B where A was expected")]
    [InlineData("A*01:01/99:99", "99:99", "no allele A*99:99")]
    [InlineData("A*01:01/A*02:100", "A*02:100", "deleted")]
    [InlineData("Cw11", "Cw11", "deleted")]
    public void Interpret_WhenTypingBad_NamesTheToken(string typing, string token, string reason)
    {
        var error = Assert.Throws<HlaTypingException>(() => Nom.Interpret(typing));
        Assert.Equal(token, error.Token);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Locus.A, "B*07:02", "B*07:02", "locus B where A was expected")]
    [InlineData(Locus.A, "A*01:01/B*07:02", "B*07:02", "locus B where A was expected")]
    [InlineData(Locus.Drb1, "DR52", "DR52", "not an antigen of DRB1")]
    [InlineData(Locus.B, "Bw4", "Bw4", "no allele")]
    [InlineData(Locus.A, "B7", "B7", "not an antigen of A")]
    [InlineData(Locus.Dpb1, "DPw1", "DPw1", "no allele")]
    public void Interpret_WhenTypingOfAnotherLocus_NamesTheToken(Locus locus, string typing, string token, string reason)
    {
        var error = Assert.Throws<HlaTypingException>(() => Nom.Interpret(locus, typing));
        Assert.Equal(token, error.Token);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_WhenMacWithoutTable_SaysATableIsNeeded()
    {
        var withoutMacs = new HlaNomenclature(Nom.Data);
        var error = Assert.Throws<HlaTypingException>(() => withoutMacs.Interpret("A*01:AB"));
        Assert.Equal("A*01:AB", error.Token);
        Assert.Contains("MAC table", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "empty GL String")]
    [InlineData("A*01:01+A*02:01^", "A*01:01+A*02:01^", "empty locus block")]
    [InlineData("A*01:01+A*02:01^^B*07:02+B*08:01", "A*01:01+A*02:01^^B*07:02+B*08:01", "empty locus block")]
    [InlineData("A*01:01++A*02:01", "A*01:01++A*02:01", "more than two chromosomes")]
    [InlineData("A*01:01+A*02:01+A*03:01", "A*01:01+A*02:01+A*03:01", "more than two chromosomes")]
    [InlineData("A*01:01+", "A*01:01+", "empty typing beside '+'")]
    [InlineData("A*01:01+B*07:02", "A*01:01+B*07:02", "different loci")]
    [InlineData("A*01:01+A*02:01^A*03:01+A*11:01", "A*03:01", "two '^' blocks")]
    [InlineData("A*01:01+A*02:01^B*07:02+A*11:01", "A*11:01", "two '^' blocks")]
    [InlineData("A*01:01+A*99:99", "A*99:99", "no allele")]
    [InlineData("A*01:01|", "A*01:01|", "empty genotype alternative")]
    [InlineData("A*01:01~A*02:01+A*03:01~A*11:01", "A*01:01~A*02:01", "twice in one haplotype")]
    [InlineData("A*01:01~", "A*01:01~", "empty typing beside '~'")]
    [InlineData("A*01:01+A*02:01^DRB3*99:99", "DRB3*99:99", "no allele")]
    [InlineData("A*01:01+A*02:01^Q*01:01", "Q*01:01", "unknown locus")]
    [InlineData("A*01:01/+A*02:01", "A*01:01/", "empty item")]
    [InlineData("A*01:01+A*02:01^HLA-B*07:02+HLA-B*08:XY", "HLA-B*08:XY", "unknown NMDP code")]
    [InlineData("A*01:01+A*02:01^B*07:02+B*0X02", "B*0X02", "malformed")]
    [InlineData("A*01:01+A*02:01^B*07:02+B*08:01^C*07:01+Cw*01:02^DRB1*04:01+DRB1*A:01", "DRB1*A:01", "malformed")]
    [InlineData("A*01:01+A*01:34N", "A*01:34N", "deleted")]
    public void ParseGlString_WhenBad_NamesTheToken(string glString, string token, string reason)
    {
        var error = Assert.Throws<HlaTypingException>(() => Nom.ParseGlString(glString));
        Assert.Equal(token, error.Token);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
