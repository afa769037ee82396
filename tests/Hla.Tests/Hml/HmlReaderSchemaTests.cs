using DonationRegistry.Hla.Hml;
using Xunit;

namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>Optional validation against the NMDP HML schema (../shared/data/hml/hml-1.0.2.xsd, read in place).</summary>
public sealed class HmlReaderSchemaTests
{
    private static readonly Lazy<HmlSchema> Schema = new(() => HmlSchema.Load(Path.Combine(HmlTestFiles.Folder, "hml-1.0.2.xsd")));

    private static HmlReaderOptions WithSchema => new() { Schema = Schema.Value };

    [Fact]
    public void Read_WhenNmdpExampleAndSchema_IsValid()
    {
        using var stream = File.OpenRead(HmlTestFiles.Example101);

        var document = HmlReader.Read(stream, WithSchema);

        Assert.Equal(6, document.Samples[0].Typings.Count);
    }

    [Theory]
    [InlineData(HmlText.Ns101)]
    [InlineData("http://schemas.nmdp.org/spec/hml/1.0")]
    public void Read_WhenHandWrittenDocumentAndSchema_IsValid(string ns)
    {
        var document = HmlText.Read(HmlText.Document(HmlText.Sample("S1", "HLA-A*02:07+HLA-A*11:01"), ns), WithSchema);

        Assert.Equal("HLA-A*02:07+HLA-A*11:01", document.Samples[0].Typings[0].GlString);
    }

    public static TheoryData<string, string, string> SchemaViolations => new()
    {
        // Each is read without the schema (the reader needs none of what is wrong) but refused with it.
        {
            "typing without its required date",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02").Replace("<typing gene-family=\"HLA\" date=\"2024-03-05\">", "<typing gene-family=\"HLA\">", StringComparison.Ordinal)),
            "<typing>"
        },
        {
            "sso without its required scores",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02").Replace(" scores=\"1\"", "", StringComparison.Ordinal)),
            "<sso>"
        },
        {
            "typing-method before allele-assignment",
            HmlText.Document("""
                <sample id="S1"><typing gene-family="HLA" date="2020-01-01">
                  <typing-method><sso scores="1"/></typing-method>
                  <allele-assignment date="2020-01-01"><glstring>HLA-A*02:01+HLA-A*24:02</glstring></allele-assignment>
                </typing></sample>
                """),
            "<allele-assignment>"
        },
        {
            "an element the schema does not know",
            HmlText.Document(HmlText.Sample("S1", "HLA-A*02:01+HLA-A*24:02").Replace("<typing-method>", "<favourite-colour/><typing-method>", StringComparison.Ordinal)),
            "<favourite-colour>"
        },
    };

    [Theory]
    [MemberData(nameof(SchemaViolations))]
    public void Read_WhenSchemaViolated_RefusesOnlyWithSchema(string because, string xml, string token)
    {
        _ = HmlText.Read(xml);

        var error = Assert.Throws<HlaTypingException>(() => HmlText.Read(xml, WithSchema));

        Assert.True(error.Token == token, $"{because}: token '{error.Token}' should be '{token}' ({error.Reason})");
        Assert.Contains("does not follow the HML schema", error.Reason, StringComparison.Ordinal);
        Assert.Matches(@"\(line \d+, position \d+\)$", error.Reason);
    }

    [Fact]
    public void Load_WhenFileIsNoHmlSchema_Refuses()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:other"/>""");

            Assert.Throws<InvalidDataException>(() => HmlSchema.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
