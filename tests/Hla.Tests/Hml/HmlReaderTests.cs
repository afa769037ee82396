using Xunit;
using DonationRegistry.Hla.Hml;

namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>Small hand-written HML documents: what is read, and how each interpretation form becomes a GL String.</summary>
public sealed class HmlReaderTests
{
    [Theory]
    [InlineData("HLA-A*02:07+HLA-A*11:01", "A", "HLA-A*02:07+HLA-A*11:01")]
    [InlineData("  HLA-B*46:01 +\n     HLA-B*40:01\n  ", "B", "HLA-B*46:01+HLA-B*40:01")]
    [InlineData("DRB1*09:01/DRB1*09:02+DRB1*15:01", "DRB1", "DRB1*09:01/DRB1*09:02+DRB1*15:01")]
    [InlineData("HLA-C*01:02+HLA-C*07:02|HLA-C*01:03+HLA-C*07:02", "C", "HLA-C*01:02+HLA-C*07:02|HLA-C*01:03+HLA-C*07:02")]
    [InlineData("A*01:01/02+A*24:XX", "A", "A*01:01/02+A*24:XX")]
    [InlineData("A2+A11", "A", "A2+A11")]
    [InlineData("DR9+DR15", "DRB1", "DR9+DR15")]
    [InlineData("hla-dqb1*03:03+hla-dqb1*06:01", "DQB1", "hla-dqb1*03:03+hla-dqb1*06:01")]
    public void Read_WhenOneGlString_GivesItsLocusAndTheGlStringWithoutWhitespace(string written, string locus, string expected)
    {
        var document = HmlText.Read(HmlText.Document(HmlText.Sample("S1", written)));

        var typing = Assert.Single(Assert.Single(document.Samples).Typings);
        Assert.Equal(locus, typing.Locus);
        Assert.Equal(expected, typing.GlString);
        Assert.Equal("SSO", typing.Method);
        Assert.Equal("3.58.0", typing.AlleleVersion);
        Assert.Equal(new DateOnly(2024, 3, 5), typing.Date);
    }

    [Fact]
    public void Read_WhenGlStringHasSeveralLoci_GivesOneTypingPerLocus()
    {
        var document = HmlText.Read(HmlText.Document(HmlText.Sample("S1", "HLA-A*02:07+HLA-A*11:01^HLA-B*46:01+HLA-B*40:01^HLA-DRB1*09:01+HLA-DRB1*15:01")));

        Assert.Equal(
            [("A", "HLA-A*02:07+HLA-A*11:01"), ("B", "HLA-B*46:01+HLA-B*40:01"), ("DRB1", "HLA-DRB1*09:01+HLA-DRB1*15:01")],
            document.Samples[0].Typings.Select(t => (t.Locus, t.GlString)));
    }

    [Fact]
    public void Read_WhenHml10Namespace_ReadsIt()
    {
        var document = HmlText.Read(HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02"), "http://schemas.nmdp.org/spec/hml/1.0"));

        Assert.Equal("HLA-A*02:01+HLA-A*24:02", document.Samples[0].Typings[0].GlString);
    }

    [Fact]
    public void Read_WhenSeveralSamplesAndLoci_KeepsDocumentOrder()
    {
        var document = HmlText.Read(HmlText.Document(
            HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02", "HLA-B*13:02+HLA-B*58:01") + HmlText.Sample("S2", "HLA-DRB1*12:02+HLA-DRB1*08:03")));

        Assert.Equal(["S1", "S2"], document.Samples.Select(s => s.SampleId));
        Assert.Equal(["A", "B"], document.Samples[0].Typings.Select(t => t.Locus));
        Assert.Equal("567", document.ReportingCenterId);
        Assert.Equal("567", document.Samples[1].CenterCode);
    }

    [Fact]
    public void Read_WhenSameLocusTwiceWithSameResult_KeepsOne()
    {
        var document = HmlText.Read(HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02", "A*02:01+A*24:02")));

        Assert.Equal("HLA-A*02:01+HLA-A*24:02", Assert.Single(document.Samples[0].Typings).GlString);
    }

    [Theory]
    [InlineData("""<haploid locus="HLA-A" method="DNA" type="02:01" /><haploid locus="HLA-A" method="DNA" type="24:AB" />""", "A", "HLA-A*02:01+HLA-A*24:AB")]
    [InlineData("""<haploid locus="HLA-B" method="SER" type="46" /><haploid locus="HLA-B" method="SER" type="60" />""", "B", "B46+B60")]
    [InlineData("""<haploid locus="HLA-DRB1" method="SER" type="9" />""", "DRB1", "DR9")]
    [InlineData("""<haploid locus="HLA-C" method="SER" type="1" /><haploid locus="HLA-C" method="DNA" type="07:XX" />""", "C", "Cw1+HLA-C*07:XX")]
    public void Read_WhenHaploids_JoinsThemIntoOneGlString(string haploids, string locus, string expected)
    {
        var xml = HmlText.Document($"""
            <sample id="S1">
              <typing gene-family="HLA" date="2020-01-02">
                <allele-assignment date="2020-01-03">{haploids}</allele-assignment>
                <typing-method><ssp scores="1" /></typing-method>
              </typing>
            </sample>
            """);

        var typing = Assert.Single(HmlText.Read(xml).Samples[0].Typings);
        Assert.Equal((locus, expected, "SSP", new DateOnly(2020, 1, 3)), (typing.Locus, typing.GlString, typing.Method, typing.Date));
        Assert.Null(typing.AlleleVersion);
    }

    [Fact]
    public void Read_WhenGenotypeList_WritesItAsGlString()
    {
        var xml = HmlText.Document("""
            <sample id="S1">
              <typing gene-family="HLA" date="2020-01-02">
                <allele-assignment date="2020-01-02" allele-db="IMGT/HLA" allele-version="3.20.0">
                  <genotype-list>
                    <diploid-combination>
                      <locus-block><allele-list><allele>HLA-A*01:01</allele><allele present="N">HLA-A*01:04N</allele><allele>HLA-A*01:02</allele></allele-list></locus-block>
                      <locus-block><allele-list><allele>HLA-A*02:01</allele></allele-list></locus-block>
                    </diploid-combination>
                    <diploid-combination>
                      <locus-block><allele-list><allele>HLA-A*01:03</allele></allele-list></locus-block>
                      <locus-block><allele-list><allele>HLA-A*02:01</allele></allele-list></locus-block>
                    </diploid-combination>
                  </genotype-list>
                </allele-assignment>
                <typing-method><sbt-sanger locus="HLA-A" /><sso scores="1" /></typing-method>
              </typing>
            </sample>
            """);

        var typing = Assert.Single(HmlText.Read(xml).Samples[0].Typings);
        Assert.Equal("HLA-A*01:01/HLA-A*01:02+HLA-A*02:01|HLA-A*01:03+HLA-A*02:01", typing.GlString);
        Assert.Equal("SBT-Sanger+SSO", typing.Method);
    }

    [Fact]
    public void Read_WhenKirTyping_SkipsIt()
    {
        var xml = HmlText.Document("""
            <sample id="S1">
              <typing gene-family="KIR" date="2020-01-02">
                <allele-assignment date="2020-01-02"><glstring>KIR2DL1*001+KIR2DL1*002</glstring></allele-assignment>
                <typing-method><sbt-ngs /></typing-method>
              </typing>
              <typing gene-family="HLA" date="2020-01-02">
                <allele-assignment date="2020-01-02T10:11:12Z"><glstring>HLA-DPB1*05:01+HLA-DPB1*02:01</glstring></allele-assignment>
                <typing-method><sbt-ngs locus="HLA-DPB1" /></typing-method>
              </typing>
            </sample>
            """);

        var typing = Assert.Single(HmlText.Read(xml).Samples[0].Typings);
        Assert.Equal(("DPB1", new DateOnly(2020, 1, 2)), (typing.Locus, typing.Date));
    }
}
