using DonationRegistry.Hla.Tool;
using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tool.Tests.Cli;

/// <summary><c>hla reduce</c> with the real 3.58.0 release: known reductions (checked by hand in the WMDA files) and error rows.</summary>
public sealed class HlaCliReduceTests
{
    [Theory]
    [InlineData("G", "A*01:01:01:01", "A*01:01:01G")]
    [InlineData("G", "A*02:01:01G", "A*02:01:01G")]
    [InlineData("P", "A*01:01:01:01", "A*01:01P")]
    [InlineData("P", "A*02:07+A*11:01^B*46:01+B*40:01", "A*02:07P+A*11:01P^B*46:01P+B*40:01P")]
    [InlineData("P", "HLA-A*02:01P", "A*02:01P")]
    [InlineData("lg", "A*0201", "A*02:01g")]
    [InlineData("lg", "C*04:09N", "C*04:09N")]
    [InlineData("lgx", "A*02:01P", "A*02:01")]
    [InlineData("lgx", "C*04:09N", "C*04:09N")]
    [InlineData("S", "A*02:07+A*11:01^B*46:01+B*40:01", "A2+A11^B46+B60")]
    [InlineData("S", "DRB1*03:01", "DR17")]
    [InlineData("S", "C*04:09N", "null")]
    [InlineData("S", "DPB1*05:01", "unknown")]
    [InlineData("s", "B60", "B60")]
    [InlineData("serology", "A*01:01:01:01", "A1")]
    public void Reduce_WhenKnownTyping_WritesTypingTabResult(string target, string typing, string expected)
    {
        var (code, output, error) = CliRun.RunWithInput(typing + "\n", "reduce", "--release", CliRun.Release358, "--to", target);

        Assert.Equal(HlaCli.Ok, code);
        Assert.Equal("", error);
        Assert.Equal($"{typing}\t{expected}\n", output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("A*99:99", "A*99:99")]
    [InlineData("banana", "banana")]
    [InlineData("A*01:AB", "MAC table")]
    [InlineData("A*01:34N", "now A*01:01:38L")]
    [InlineData("A*01:01++A*02:01", "empty typing beside '+'")]
    [InlineData("A*01:01+", "empty typing beside '+'")]
    public void Reduce_WhenBadTyping_WritesErrorRowAndExitsZero(string typing, string reason)
    {
        var (code, output, _) = CliRun.RunWithInput(typing + "\n", "reduce", "--release", CliRun.Release358, "--to", "G");

        Assert.Equal(HlaCli.Ok, code);
        var columns = output.TrimEnd('\n', '\r').Split('\t');
        Assert.Equal(3, columns.Length);
        Assert.Equal((typing, "ERROR"), (columns[0], columns[1]));
        Assert.Contains(reason, columns[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.44.0", "A*02:1194\tERROR\t'A*02:1194': no allele A*02:1194 in release 3.44.0")]
    [InlineData("3.58.0", "A*02:1194\tA*02:1194")]
    public void Reduce_WhenAlleleNamedAfterAnOlderRelease_DependsOnTheReleaseGiven(string version, string expected)
    {
        var (code, output, _) = CliRun.RunWithInput("A*02:1194\n", "reduce", "--release", Path.Combine(ImgtData.RootFolder, version), "--to", "P");

        Assert.Equal(HlaCli.Ok, code);
        Assert.Equal(expected, output.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void Run_WhenCalledThroughThePublicEntry_LoadsTheReleaseAndReduces()
    {
        using var input = new StringReader("B*46:01:01\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = HlaCli.Run(["reduce", "--release", CliRun.Release358, "--to", "S"], input, output, error);

        Assert.Equal((HlaCli.Ok, "B*46:01:01\tB46\n", ""), (code, output.ToString().ReplaceLineEndings("\n"), error.ToString()));
    }

    [Fact]
    public void Reduce_WhenManyLines_KeepsOrderSkipsBlankLinesAndContinuesAfterErrors()
    {
        var input = "A*01:01:01:01\n\n  A*99:99  \r\nB*46:01:01\nA*01:01:01:01\n";

        var (code, output, _) = CliRun.RunWithInput(input, "reduce", "--release", CliRun.Release358, "--to", "lgx");

        Assert.Equal(HlaCli.Ok, code);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("A*01:01:01:01\tA*01:01", lines[0]);
        Assert.StartsWith("A*99:99\tERROR\t", lines[1], StringComparison.Ordinal);
        Assert.Equal("B*46:01:01\tB*46:01", lines[2]);
        Assert.Equal(lines[0], lines[3]);
    }

    [Fact]
    public void Reduce_WhenMacFileGiven_ExpandsItsCodes()
    {
        // A hand-made table in NMDP's numer.v3.txt layout (not NMDP's data).
        var mac = Path.GetTempFileName();
        try
        {
            File.WriteAllText(mac, "LAST UPDATED: test fixture\n*\tAB\t01/02\n\tXY\t02:01/02:07\n");

            var (code, output, error) = CliRun.RunWithInput("A*01:AB\nA*02:XY\nA*01:ZZ\n",
                "reduce", "--release", CliRun.Release358, "--to", "lgx", "--mac", mac);

            Assert.Equal((HlaCli.Ok, ""), (code, error));
            var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Equal("A*01:AB\tA*01:01/A*01:01N/A*01:02", lines[0]);
            Assert.Equal("A*02:XY\tA*02:01/A*02:07", lines[1]);
            Assert.StartsWith("A*01:ZZ\tERROR\t", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(mac);
        }
    }
}
