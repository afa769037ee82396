using System.Text;
using DonationRegistry.Hla.Hml;

namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>Builds small HML documents for tests.</summary>
internal static class HmlText
{
    public const string Ns101 = "http://schemas.nmdp.org/spec/hml/1.0.1";

    /// <summary>A 1.0.1 document around the given sample elements.</summary>
    public static string Document(string samples, string ns = Ns101) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <hml xmlns="{ns}" version="1.0.1" project-name="LAB">
          <reporting-center reporting-center-id="567" />
        {samples}
        </hml>
        """;

    /// <summary>A sample with one typing per (gl string, method locus) pair.</summary>
    public static string Sample(string id, params string[] glStrings) =>
        $"""
          <sample id="{id}" center-code="567">
        {string.Concat(glStrings.Select(g => Typing(g)))}
          </sample>
        """;

    public static string Typing(string glString, string method = "<sso locus=\"\" scores=\"1\" />", string date = "2024-03-05") =>
        $"""
            <typing gene-family="HLA" date="{date}">
              <allele-assignment date="{date}" allele-db="IMGT/HLA" allele-version="3.58.0">
                <glstring>{glString}</glstring>
              </allele-assignment>
              <typing-method>{method}</typing-method>
            </typing>
        """;

    public static HmlDocument Read(string xml, HmlReaderOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return HmlReader.Read(stream, options ?? HmlReaderOptions.Default);
    }
}
