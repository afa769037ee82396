using DonationRegistry.Hla.Hml;
using DonationRegistry.Hla.Tests.Support;
using Xunit;

namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>What the HML reader gives is what the nomenclature reads: each typing parses as a GL String of its locus (3.58.0).</summary>
public sealed class HmlReaderNomenclatureTests
{
    public static TheoryData<string> Documents => new()
    {
        File.ReadAllText(HmlTestFiles.Example101),
        HmlText.Document(HmlText.Sample("S1", "HLA-A*02:07+HLA-A*11:01^HLA-B*46:01+HLA-B*40:01", "DRB1*09:01/DRB1*09:02+DRB1*15:01", "C*01:XX+C*07:02")),
        HmlText.Document("""
            <sample id="S2">
              <typing gene-family="HLA" date="2020-01-02">
                <allele-assignment date="2020-01-03">
                  <haploid locus="HLA-B" method="SER" type="46" /><haploid locus="HLA-B" method="SER" type="60" />
                </allele-assignment>
                <typing-method><ssp scores="1" /></typing-method>
              </typing>
              <typing gene-family="HLA" date="2020-01-02">
                <allele-assignment date="2020-01-03">
                  <haploid locus="HLA-A" method="DNA" type="02:01" /><haploid locus="HLA-A" method="DNA" type="24:02" />
                </allele-assignment>
                <typing-method><sso scores="1" /></typing-method>
              </typing>
            </sample>
            """),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Read_Always_GivesGlStringsTheNomenclatureReadsAtTheirLocus(string xml)
    {
        var document = HmlText.Read(xml);

        Assert.All(document.Samples.SelectMany(s => s.Typings), typing =>
        {
            var genotype = Nomenclatures.V3580.ParseGlString(typing.GlString);
            var locus = Assert.Single(genotype.Loci.Keys);
            Assert.Equal(typing.Locus, Loci.Name(locus));
        });
    }
}
