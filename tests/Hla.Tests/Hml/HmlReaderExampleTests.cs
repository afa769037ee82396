using Xunit;
using DonationRegistry.Hla.Hml;

namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>The NMDP HML 1.0.1 full-NGS example, read in place from ../shared/data/hml.</summary>
public sealed class HmlReaderExampleTests
{
    private static readonly HmlDocument Example = ReadExample();

    private static HmlDocument ReadExample()
    {
        using var stream = File.OpenRead(HmlTestFiles.Example101);
        return HmlReader.Read(stream);
    }

    [Fact]
    public void Read_WhenNmdpExample_ReadsOneSampleWithItsCenter()
    {
        Assert.Equal("1.0.1", Example.Version);
        Assert.Equal("888", Example.ReportingCenterId);
        var sample = Assert.Single(Example.Samples);
        Assert.Equal("1367-7150-8", sample.SampleId);
        Assert.Equal("888", sample.CenterCode);
        Assert.Equal(["A", "B", "C", "DPB1", "DQB1", "DRB1"], sample.Typings.Select(t => t.Locus));
    }

    [Theory]
    [InlineData("A", "HLA-A*01:01:01+HLA-A*24:02:01", "3.14.0")]
    [InlineData("B", "HLA-B*08:01:01+HLA-B*57:01:01", "3.14.0")]
    [InlineData("C", "HLA-C*06:02:01+HLA-C*07:01:01", "3.14.0")]
    [InlineData("DPB1", "HLA-DPB1*02:01:02+HLA-DPB1*04:01:01", "3.14.0")]
    [InlineData("DQB1", "HLA-DQB1*02:01:01+HLA-DQB1*03:03:02", "3.14.0")]
    [InlineData("DRB1", "HLA-DRB1*03:01:01+HLA-DRB1*07:01:01", "3.15.0")]
    public void Read_WhenNmdpExample_GivesEachLocusGlStringWithoutWhitespace(string locus, string glString, string version)
    {
        var typing = Example.Samples[0].Typings.Single(t => t.Locus == locus);
        Assert.Equal(glString, typing.GlString);
        Assert.Equal("IMGT/HLA", typing.AlleleDb);
        Assert.Equal(version, typing.AlleleVersion);
        Assert.Equal("SBT-NGS", typing.Method);
        Assert.Equal(new DateOnly(2014, 10, 14), typing.Date);
    }
}
