using DonationRegistry.Hla.Tool;
using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tool.Tests.Cli;

/// <summary><c>hla hml</c>: lists an HML file's typings as the service reads them, checked against 3.58.0.</summary>
public sealed class HlaCliHmlTests
{
    private static readonly string Example = Path.Combine(ImgtData.HmlFolder, "hml_1_0_1-example7-ngsFull.xml");
    private static readonly string Schema = Path.Combine(ImgtData.HmlFolder, "hml-1.0.2.xsd");

    [Fact]
    public void Hml_WhenNmdpExampleWithReleaseAndSchema_ListsSixTypingsAllOk()
    {
        var (code, output, error) = CliRun.Run("hml", "--file", Example, "--release", CliRun.Release358, "--schema", Schema);

        Assert.Equal((HlaCli.Ok, ""), (code, error));
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("sample\tlocus\tglstring\tmethod\tallele-version\tdate\t3.58.0", lines[0]);
        Assert.Equal("1367-7150-8\tA\tHLA-A*01:01:01+HLA-A*24:02:01\tSBT-NGS\t3.14.0\t2014-10-14\tOK", lines[1]);
        Assert.Equal(7, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.EndsWith("\tOK", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Hml_WhenTypingUnknownToRelease_WritesErrorColumnAndExitsZero()
    {
        var file = WriteTemp("""
            <hml xmlns="http://schemas.nmdp.org/spec/hml/1.0.1" version="1.0.1">
              <sample id="S1">
                <typing gene-family="HLA" date="2020-01-01">
                  <allele-assignment date="2020-01-01"><glstring>HLA-A*99:01+HLA-A*02:01</glstring></allele-assignment>
                  <typing-method><sso scores="1"/></typing-method>
                </typing>
              </sample>
            </hml>
            """);
        try
        {
            var (code, output, _) = CliRun.Run("hml", "--file", file, "--release", CliRun.Release358);

            Assert.Equal(HlaCli.Ok, code);
            var line = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[1];
            Assert.StartsWith("S1\tA\tHLA-A*99:01+HLA-A*02:01\tSSO\t\t2020-01-01\tERROR\t", line, StringComparison.Ordinal);
            Assert.Contains("A*99:01", line.Split('\t')[^1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Hml_WhenDocumentMalformed_ExitsThreeNamingElementAndLine()
    {
        var file = WriteTemp("""
            <hml xmlns="http://schemas.nmdp.org/spec/hml/1.0.1" version="1.0.1">
              <sample center-code="1"/>
            </hml>
            """);
        try
        {
            var (code, output, error) = CliRun.Run("hml", "--file", file);

            Assert.Equal((HlaCli.BadTyping, ""), (code, output));
            Assert.Contains("'<sample>': the sample has no id attribute", error, StringComparison.Ordinal);
            Assert.Contains("line 2", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new[] { "hml", "--file", "/nonexistent/typing.xml" }, HlaCli.Unreadable, "cannot read '/nonexistent/typing.xml'")]
    [InlineData(new[] { "hml", "--file", "x.xml", "--schema", "/nonexistent/hml.xsd" }, HlaCli.Unreadable, "cannot read the schema")]
    [InlineData(new[] { "hml", "--file", "x.xml", "--mac", "m.txt" }, HlaCli.BadArguments, "option '--mac' needs '--release'")]
    [InlineData(new[] { "hml" }, HlaCli.BadArguments, "option '--file' is required")]
    public void Hml_WhenFileOrArgumentsBad_ExitsWithMessage(string[] args, int expected, string message)
    {
        var (code, _, error) = CliRun.Run(args);

        Assert.Equal(expected, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hml_WhenHelp_DescribesOptions()
    {
        var (code, output, _) = CliRun.Run("hml", "--help");

        Assert.Equal(HlaCli.Ok, code);
        Assert.Contains("--schema <xsd>", output, StringComparison.Ordinal);
    }

    private static string WriteTemp(string xml)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, xml);
        return path;
    }
}
