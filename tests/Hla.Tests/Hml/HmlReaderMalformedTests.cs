using Xunit;
using DonationRegistry.Hla.Hml;

namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>Malformed and hostile HML: each is refused with a <see cref="HlaTypingException"/> naming what is wrong and where.</summary>
public sealed class HmlReaderMalformedTests
{
    private const string Ns = HmlText.Ns101;

    public static TheoryData<string, string, string, string> Malformed => new()
    {
        {
            "not well-formed",
            $"""<hml xmlns="{Ns}" version="1.0.1"><sample id="S1"></hml>""",
            "line 1", "not well-formed"
        },
        {
            "empty document", "", "line", "not well-formed"
        },
        {
            "wrong root",
            $"""<hmlx xmlns="{Ns}" version="1.0.1"><sample id="S1"/></hmlx>""",
            "<hmlx>", "root element must be <hml>"
        },
        {
            "no namespace",
            """<hml version="1.0.1">""" + HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02") + "</hml>",
            "<hml>", "in no namespace"
        },
        {
            "unknown namespace",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02"), "http://schemas.nmdp.org/spec/hml/2.0"),
            "<hml>", "hml/2.0"
        },
        {
            "no sample",
            HmlText.Document(""),
            "<hml>", "no <sample>"
        },
        {
            "missing sample id",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02").Replace("id=\"S1\"", "", StringComparison.Ordinal)),
            "<sample>", "no id attribute"
        },
        {
            "blank sample id",
            HmlText.Document(HmlText.Sample("  ", "HLA-A*02:01+HLA-A*24:02")),
            "<sample>", "no id attribute"
        },
        {
            "duplicate sample id",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02") + HmlText.Sample("S1", "HLA-B*46:01+HLA-B*40:01")),
            "S1", "appears twice"
        },
        {
            "sample without typing",
            HmlText.Document("""<sample id="S9"><collection-method>swab</collection-method></sample>"""),
            "S9", "no HLA typing"
        },
        {
            "empty glstring",
            HmlText.Document(HmlText.Sample("S1", "   ")),
            "<glstring>", "empty"
        },
        {
            "glstring by uri only",
            HmlText.Document(HmlText.Sample("S1", "").Replace("<glstring>", "<glstring uri=\"http://gl.example/1\">", StringComparison.Ordinal)),
            "http://gl.example/1", "not fetched"
        },
        {
            "two conflicting glstrings for one locus",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02", "HLA-A*02:07+HLA-A*24:02")),
            "HLA-A*02:07+HLA-A*24:02", "two different typings for HLA-A"
        },
        {
            "glstring naming two loci in one block",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-B*46:01")),
            "HLA-A*02:01+HLA-B*46:01", "both HLA-A and HLA-B"
        },
        {
            "glstring with the same locus in two blocks",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02^HLA-A*02:01+HLA-A*11:01")),
            "HLA-A*02:01+HLA-A*24:02^HLA-A*02:01+HLA-A*11:01", "two blocks for HLA-A"
        },
        {
            "glstring with a forbidden character",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01,HLA-A*24:02")),
            "HLA-A*02:01,HLA-A*24:02", "','"
        },
        {
            "glstring with an empty part",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01++HLA-A*24:02")),
            "HLA-A*02:01++HLA-A*24:02", "empty part"
        },
        {
            "glstring token without a name after the star",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*+HLA-A*24:02")),
            "HLA-A*", "name after it"
        },
        {
            "glstring token that is no typing",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+banana")),
            "banana", "not a typing"
        },
        {
            "glstring locus differs from the method locus",
            HmlText.Document($"""<sample id="S1">{HmlText.Typing("HLA-B*46:01+HLA-B*40:01", "<sbt-ngs locus=\"HLA-A\" />")}</sample>"""),
            "HLA-B*46:01+HLA-B*40:01", "typing method names HLA-A"
        },
        {
            "bad date",
            HmlText.Document($"""<sample id="S1">{HmlText.Typing("HLA-A*02:01+HLA-A*24:02", date: "2024-13-45")}</sample>"""),
            "2024-13-45", "not a date"
        },
        {
            "allele-assignment without interpretation",
            HmlText.Document("""<sample id="S1"><typing gene-family="HLA" date="2020-01-01"><allele-assignment date="2020-01-01" /><typing-method><sso scores="1"/></typing-method></typing></sample>"""),
            "<allele-assignment>", "no glstring, haploid or genotype-list"
        },
        {
            "haploid with an unknown method",
            HmlText.Document("""<sample id="S1"><typing gene-family="HLA" date="2020-01-01"><allele-assignment date="2020-01-01"><haploid locus="HLA-A" method="PCR" type="02:01"/></allele-assignment><typing-method><sso scores="1"/></typing-method></typing></sample>"""),
            "PCR", "DNA or SER"
        },
        {
            "internal entity expansion (billion laughs)",
            $"""<?xml version="1.0"?><!DOCTYPE hml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><hml xmlns="{Ns}" version="1.0.1"><sample id="&b;"/></hml>""",
            "<!DOCTYPE>", "DTDs and entity declarations are refused"
        },
        {
            "external entity (XXE)",
            $"""<?xml version="1.0"?><!DOCTYPE hml [<!ENTITY x SYSTEM "file:///etc/passwd">]><hml xmlns="{Ns}" version="1.0.1"><sample id="&x;"/></hml>""",
            "<!DOCTYPE>", "DTDs and entity declarations are refused"
        },
        {
            "undeclared entity",
            $"""<hml xmlns="{Ns}" version="1.0.1"><sample id="&x;"/></hml>""",
            "line 1", "not well-formed"
        },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_WhenMalformed_ThrowsNamingTokenAndReason(string because, string xml, string token, string reason)
    {
        var error = Assert.Throws<HlaTypingException>(() => HmlText.Read(xml));

        Assert.True(error.Token.Contains(token, StringComparison.Ordinal), $"{because}: token '{error.Token}' should contain '{token}'");
        Assert.True(error.Reason.Contains(reason, StringComparison.Ordinal), $"{because}: reason '{error.Reason}' should contain '{reason}'");
    }

    [Fact]
    public void Read_WhenStructuralError_NamesTheLine()
    {
        var xml = HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02") + "\n<sample center-code=\"1\"/>");

        var error = Assert.Throws<HlaTypingException>(() => HmlText.Read(xml));

        Assert.Equal("<sample>", error.Token);
        Assert.EndsWith("(line 12, position 2)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenLargerThanLimit_Refuses()
    {
        var xml = HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02"));

        var error = Assert.Throws<HlaTypingException>(() => HmlText.Read(xml, new HmlReaderOptions { MaxCharacters = 200 }));

        Assert.Contains("larger than the limit of 200 characters", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenMoreSamplesThanLimit_Refuses()
    {
        var xml = HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02") + HmlText.Sample("S2", "HLA-A*02:01+HLA-A*24:02"));

        var error = Assert.Throws<HlaTypingException>(() => HmlText.Read(xml, new HmlReaderOptions { MaxSamples = 1 }));

        Assert.Contains("more than 1 samples", error.Reason, StringComparison.Ordinal);
    }
}
