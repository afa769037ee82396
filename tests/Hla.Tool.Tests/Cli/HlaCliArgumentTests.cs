using DonationRegistry.Hla.Tool;
using Xunit;

namespace DonationRegistry.Hla.Tool.Tests.Cli;

/// <summary>Bad arguments, unreadable releases and help: exit codes and the message on stderr.</summary>
public sealed class HlaCliArgumentTests
{
    private static readonly string R = CliRun.Release358;

    public static TheoryData<string[], string> BadArguments => new()
    {
        { [], "Usage:" },
        { ["frob"], "unknown command 'frob'" },
        { ["reduce", "--to", "G"], "option '--release' is required" },
        { ["reduce", "--release", R], "option '--to' is required" },
        { ["reduce", "--release", R, "--to", "Q"], "--to must be G, P, lg, lgx or S, not 'Q'" },
        { ["reduce", "--release", R, "--to", "G", "--bogus", "x"], "unknown option '--bogus'" },
        { ["reduce", "--release", R, "--to", "G", "--to", "P"], "option '--to' is given twice" },
        { ["reduce", "--release"], "option '--release' needs a value" },
        { ["reduce", "--release=", "--to", "G"], "option '--release' needs a value" },
        { ["reduce", "A*01:01"], "unexpected argument 'A*01:01'" },
        { ["match", "--release", R, "--patient", "A*01:01"], "option '--donor' is required" },
        { ["match", "--release", R, "--patient", "A*01:01", "--donor", "A*01:01", "--criteria", "7/10"], "--criteria must be" },
        { ["match", "--release", R, "--patient", "A*01:01", "--donor", "A*01:01", "--to", "G"], "unknown option '--to'" },
        { ["match", "--release", R, "--patient", "A*01:01", "--donor", "A*01:01", "--format", "xml"], "--format must be text or tsv" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Run_WhenBadArguments_ExitsTwoWithMessage(string[] args, string message)
    {
        var (code, output, error) = CliRun.Run(args);

        Assert.Equal(HlaCli.BadArguments, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenReleaseFolderMissing_ExitsOneNamingIt()
    {
        var (code, _, error) = CliRun.RunWithInput("A*01:01\n", "reduce", "--release", "/nonexistent/imgt", "--to", "G");

        Assert.Equal(HlaCli.Unreadable, code);
        Assert.Contains("cannot read the release '/nonexistent/imgt'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenFolderIsNoRelease_ExitsOneNamingTheMissingFile()
    {
        var folder = Directory.CreateTempSubdirectory("hla-norelease-").FullName;
        try
        {
            var (code, output, error) = CliRun.RunWithInput("A*01:01\n", "reduce", "--release", folder, "--to", "G");

            Assert.Equal((HlaCli.Unreadable, ""), (code, output));
            Assert.Contains("Allelelist.txt", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Run_WhenMacFileMissing_ExitsOne()
    {
        var (code, _, error) = CliRun.RunWithInput("A*01:01\n", "reduce", "--release", R, "--to", "G", "--mac", "/nonexistent/numer.v3.txt");

        Assert.Equal(HlaCli.Unreadable, code);
        Assert.Contains("MAC file '/nonexistent/numer.v3.txt'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenMacFileHoldsNoCodes_WarnsAndGoesOn()
    {
        var mac = Path.GetTempFileName();
        try
        {
            File.WriteAllText(mac, "not a code table\n");

            var (code, output, error) = CliRun.RunWithInput("A*01:01:01:01\n", "reduce", "--release", R, "--to", "P", "--mac", mac);

            Assert.Equal((HlaCli.Ok, "A*01:01:01:01\tA*01:01P\n"), (code, output.ReplaceLineEndings("\n")));
            Assert.Contains("holds no codes", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(mac);
        }
    }

    [Theory]
    [InlineData(new[] { "--help" }, "hla reduce --release <folder>")]
    [InlineData(new[] { "-h" }, "Exit codes:")]
    [InlineData(new[] { "reduce", "--help" }, "--to <target>")]
    [InlineData(new[] { "match", "-h" }, "--criteria <c>")]
    [InlineData(new[] { "match", "--help", "--release", "/nonexistent" }, "--patient <text>")]
    public void Run_WhenHelp_PrintsUsageAndExitsZero(string[] args, string text)
    {
        var (code, output, error) = CliRun.Run(args);

        Assert.Equal((HlaCli.Ok, ""), (code, error));
        Assert.Contains(text, output, StringComparison.Ordinal);
    }
}
