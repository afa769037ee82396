using System.Text;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Domain.Typings;
using Xunit;

namespace DonationRegistry.Hsc.Domain.Tests;

public sealed class CsvTypingsTests
{
    private static IReadOnlyList<TypingInput> Read(string csv) => CsvTypings.Read(Encoding.UTF8.GetBytes(csv), 100);

    [Theory]
    [InlineData("sample_id,A_1,A_2,B_1,B_2,DRB1_1,DRB1_2\nS1,01:01,02:01,08:01,44:02,03:01,04:01\n",
        "A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01")]
    [InlineData("SAMPLE_ID,DRB1_1,B_1,A_1\nS1,DRB1*03:01,B*08:01,A*01:01\n", "A*01:01+A*01:01^B*08:01+B*08:01^DRB1*03:01+DRB1*03:01")]
    [InlineData("\uFEFFsample_id,A_1,A_2,B_1,DRB1_1,DQB1_1,DQB1_2\r\nS1,A1,A2,B8,DR3,,\r\n", "A1+A2^B8+B8^DR3+DR3")]
    [InlineData("sample_id,A_1,B_1,DRB1_1,DPB1_1,DPB1_2\n\"S1\",\"01:01/01:02\",08:01,03:01,04:01,02:01\n",
        "A*01:01/01:02+A*01:01/01:02^B*08:01+B*08:01^DRB1*03:01+DRB1*03:01^DPB1*04:01+DPB1*02:01")]
    public void Read_WhenTheFileIsValid_BuildsOneGlStringPerRow(string csv, string expected)
    {
        var input = Assert.Single(Read(csv));

        Assert.Equal("S1", input.SampleId);
        Assert.Equal(expected, input.GlString);
        Assert.Equal(TypingSource.Csv, input.Source);
        Assert.Equal("csv.rows[1]", input.Field);
    }

    [Theory]
    [InlineData("sample_id,A_1,B_1,DRB1_1,method,release\nS1,01:01,08:01,03:01,NGS,3.58.0\n", TypingMethod.Ngs, "3.58.0")]
    [InlineData("sample_id,A_1,B_1,DRB1_1,method\nS1,01:01,08:01,03:01,sso\n", TypingMethod.Sso, null)]
    [InlineData("sample_id,A_1,B_1,DRB1_1\nS1,01:01,08:01,03:01\n", TypingMethod.Unknown, null)]
    public void Read_WhenMethodAndReleaseAreGiven_KeepsThem(string csv, TypingMethod method, string? release)
    {
        var input = Assert.Single(Read(csv));

        Assert.Equal(method, input.Method);
        Assert.Equal(release, input.LaboratoryRelease);
    }

    [Theory]
    [InlineData("", "csv")]
    [InlineData("sample_id,A_1,B_1,DRB1_1\n", "csv")]
    [InlineData("sample_id,A_1,B_1\nS1,01:01,08:01\n", "csv.header")]
    [InlineData("sample_id,A_1,B_1,DRB1_1,FOO\nS1,01:01,08:01,03:01,x\n", "csv.header")]
    [InlineData("sample_id,A_1,B_1,DRB1_1\n,01:01,08:01,03:01\n", "csv.rows[1].sample_id")]
    [InlineData("sample_id,A_1,B_1,DRB1_1\nS1,01:01,08:01,03:01,extra\n", "csv.rows[1]")]
    [InlineData("sample_id,A_1,B_1,DRB1_1,method\nS1,01:01,08:01,03:01,PCR\n", "csv.rows[1].method")]
    public void Read_WhenTheFileIsBad_NamesTheField(string csv, string field)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => Read(csv));

        Assert.Contains(ex.Violations, v => v.Field == field);
    }

    [Fact]
    public void Read_WhenTheFileHasMoreRowsThanAllowed_IsRefused()
    {
        var csv = "sample_id,A_1,B_1,DRB1_1\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"S{i},01:01,08:01,03:01\n"));

        var ex = Assert.Throws<ValidationFailedException>(() => Read(csv));

        Assert.Equal("csv", Assert.Single(ex.Violations).Field);
    }
}
