using DonationRegistry.Hla.Tool;
using Xunit;

namespace DonationRegistry.Hla.Tool.Tests.Cli;

/// <summary><c>hla match</c> with the real 3.58.0 release: the per-locus table, DPB1, total and inclusion.</summary>
public sealed class HlaCliMatchTests
{
    private const string Patient =
        "A*02:07+A*11:01^B*46:01+B*40:01^C*01:02+C*07:02^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02^DPB1*05:01+DPB1*02:01";

    public static TheoryData<string, string, string[]> Pairs => new()
    {
        {
            Patient, "10/10",
            ["A      yes      2/2      direct", "B      yes      2/2", "DPB1   no       2/2", "DPB1      Match", "Total     10/10 (0 mismatches", "Included  yes"]
        },
        {
            // Crossed orientation at A, one mismatch at B (B*40:02 is B61, not B60), a permissive DPB1 mismatch.
            "A*11:01+A*02:07^B*46:01+B*40:02^C*01:02+C*07:02^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02^DPB1*05:01+DPB1*04:01", "9/10",
            ["A      yes      2/2      crossed", "B      yes      1/2      direct", "Mismatch", "Total     9/10 (1 mismatch over A, B, C, DRB1, DQB1)", "Included  yes"]
        },
        {
            "A*11:01+A*02:07^B*46:01+B*40:02^C*01:02+C*07:02^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02", "10/10",
            ["B      yes      1/2", "DPB1   no       untyped", "DPB1      Unknown", "Included  no (1 mismatches, 10/10 allows 0)"]
        },
        {
            // A homozygous donor matches one patient position at A.
            "A*11:01+A*11:01^B*46:01+B*40:01^C*01:02+C*07:02^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02", "8/10",
            ["A      yes      1/2", "Total     9/10", "Included  yes"]
        },
        {
            // Serology-only donor: potential matches with serology grades.
            "A2+A11^B46+B60^DR9+DR15", "10/10",
            ["A      yes      2/2", "Split", "Potential", "C      yes      untyped", "A2+A11", "Included  yes"]
        },
        {
            // Untyped at DRB1: never included.
            "A*02:07+A*11:01^B*46:01+B*40:01", "8/10",
            ["DRB1   yes      untyped", "Included  no (the donor is untyped at DRB1, which every search requires)"]
        },
        {
            // Without C and DQB1 counted (6/6), a C mismatch is shown but not counted.
            "A*02:07+A*11:01^B*46:01+B*40:01^C*08:01+C*07:02^DRB1*09:01+DRB1*15:01", "6/6",
            ["C      no       1/2", "Total     6/6 (0 mismatches over A, B, DRB1)", "Included  yes"]
        },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Match_WhenPair_PrintsPerLocusDetailTotalAndInclusion(string donor, string criteria, string[] expectedFragments)
    {
        var (code, output, error) = CliRun.Run("match", "--release", CliRun.Release358, "--patient", Patient, "--donor", donor, "--criteria", criteria);

        Assert.Equal((HlaCli.Ok, ""), (code, error));
        Assert.Contains("Release   3.58.0", output, StringComparison.Ordinal);
        Assert.Contains($"Criteria  {criteria}", output, StringComparison.Ordinal);
        Assert.All(expectedFragments, fragment => Assert.Contains(fragment, output, StringComparison.Ordinal));
    }

    [Fact]
    public void Match_WhenNoCriteria_Uses10Of10()
    {
        var (code, output, _) = CliRun.Run("match", "--release", CliRun.Release358, "--patient", Patient, "--donor", Patient);

        Assert.Equal(HlaCli.Ok, code);
        Assert.Contains("Criteria  10/10", output, StringComparison.Ordinal);
        Assert.Equal(6, output.Split('\n').Count(l => l.Contains(" | ", StringComparison.Ordinal) && !l.StartsWith("Locus", StringComparison.Ordinal)));
    }

    [Fact]
    public void Match_WhenTsv_WritesOneRecordPerLine()
    {
        var (code, output, _) = CliRun.Run("match", "--release", CliRun.Release358, "--criteria", "8/10", "--format", "tsv",
            "--patient", "A*02:07+A*11:01^B*46:01+B*40:01^DRB1*09:01+DRB1*15:01", "--donor", "A2+A11^B46+B61^DR9+DR15");

        Assert.Equal(HlaCli.Ok, code);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["release", "criteria", "locus", "locus", "locus", "locus", "locus", "locus", "dpb1", "total", "included"], lines.Select(l => l.Split('\t')[0]));
        Assert.Equal("criteria\t8/10", lines[1]);
        Assert.Equal("locus\tB\tyes\t1\tdirect\tSplit\tMismatch\tPotential\tMismatch\tB*46:01+B*40:01\tB46+B61", lines[3]);
        Assert.Equal("locus\tC\tyes\tuntyped\t-\t-\t-\tPotential\tPotential\tuntyped\tuntyped", lines[4]);
        Assert.Equal(["dpb1\tUnknown", "total\t9\t10\t1", "included\tyes"], lines[^3..]);
    }

    [Theory]
    [InlineData("A*99:01+A*02:01^B*46:01+B*40:01^DRB1*09:01+DRB1*15:01", "patient", "A*99:01")]
    [InlineData(Patient, "donor", "B*46:01++B*40:01")]
    public void Match_WhenTypingCannotBeInterpreted_ExitsThreeNamingSideAndToken(string patient, string side, string token)
    {
        var donor = side == "donor" ? "A*02:07+A*11:01^B*46:01++B*40:01^DRB1*09:01+DRB1*15:01" : Patient;

        var (code, output, error) = CliRun.Run("match", "--release", CliRun.Release358, "--patient", patient, "--donor", donor);

        Assert.Equal((HlaCli.BadTyping, ""), (code, output));
        Assert.StartsWith($"hla: {side}: ", error, StringComparison.Ordinal);
        Assert.Contains(token, error, StringComparison.Ordinal);
    }
}
