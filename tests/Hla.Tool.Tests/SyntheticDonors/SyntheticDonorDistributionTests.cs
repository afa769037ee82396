using System.Text.RegularExpressions;
using DonationRegistry.SyntheticDonors;
using Xunit;

namespace DonationRegistry.Hla.Tool.Tests.SyntheticDonors;

/// <summary>The generated population follows the model: haplotype frequencies, carriers, legacy typing forms.</summary>
public sealed partial class SyntheticDonorDistributionTests
{
    // A hand-made MAC table (not NMDP's): second-field codes and one full-name code.
    private static readonly Dictionary<string, string> Macs = new()
    {
        ["AB"] = "01/02",
        ["AC"] = "01/03/04",
        ["GK"] = "02/05",
        ["XY"] = "02:01/02:07",
    };

    [Theory]
    [InlineData(0, 0.043)]
    [InlineData(1, 0.031)]
    [InlineData(2, 0.015)]
    [InlineData(4, 0.010)]
    public void NextHaplotypeSource_When200kHaplotypes_MatchesModelFrequency(int haplotype, double frequency)
    {
        var generator = new SyntheticDonorGenerator(11, SyntheticPoolOptions.Default);
        Span<int> alleles = stackalloc int[5];
        const int Draws = 200_000;

        var hits = 0;
        for (var i = 0; i < Draws; i++)
        {
            if (generator.NextHaplotypeSource(alleles) == haplotype) hits++;
        }

        var standardError = Math.Sqrt(frequency * (1 - frequency) / Draws);
        Assert.InRange(hits / (double)Draws, frequency - 4 * standardError, frequency + 4 * standardError);
    }

    [Fact]
    public void NextHaplotypeSource_WhenCommonHaplotype_GivesItsAlleles()
    {
        var generator = new SyntheticDonorGenerator(12, SyntheticPoolOptions.Default);
        Span<int> alleles = stackalloc int[5];

        for (var i = 0; i < 1_000; i++)
        {
            var source = generator.NextHaplotypeSource(alleles);
            if (source < 0) continue;
            var expected = HanChineseModel.Haplotypes[source].Alleles;
            for (var locus = 0; locus < 5; locus++) Assert.Equal(expected[locus], generator.AllelesOf(locus)[alleles[locus]]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Next_When100kDonors_CarriersOfTopHaplotypesAsExpected(int haplotype)
    {
        var h = HanChineseModel.Haplotypes[haplotype];
        var donors = new SyntheticDonorGenerator(13, SyntheticPoolOptions.Default).Generate(100_000).Where(d => !d.IsLegacyTyping).ToList();

        var carriers = donors.Count(d => h.Alleles.All(a => d.GlString.Contains(a + "+", StringComparison.Ordinal) || d.GlString.Contains(a + "^", StringComparison.Ordinal) || d.GlString.EndsWith(a, StringComparison.Ordinal)))
            / (double)donors.Count;

        // At least one copy of the haplotype: 1 − (1 − f)²; tail haplotypes add a little (alleles combined across both chromosomes).
        var expected = 1 - ((1 - h.Frequency) * (1 - h.Frequency));
        Assert.InRange(carriers, expected - 0.004, expected + 0.008);
    }

    [Fact]
    public void Next_When100kDonors_CommonAllelesHaveHanChineseFrequencies()
    {
        var donors = new SyntheticDonorGenerator(14, SyntheticPoolOptions.Default).Generate(100_000).Where(d => !d.IsLegacyTyping).ToList();
        var aAlleles = donors.SelectMany(d => d.GlString.Split('^')[0].Split('+')).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count() / (2.0 * donors.Count));

        // A*11:01 and A*24:02 lead, as in Chinese registries.
        Assert.Equal(["A*11:01", "A*24:02"], aAlleles.OrderByDescending(p => p.Value).Take(2).Select(p => p.Key));
        Assert.InRange(aAlleles["A*11:01"], 0.18, 0.26);
        Assert.InRange(aAlleles["A*02:07"], 0.07, 0.13);
    }

    [Fact]
    public void Next_WhenLegacyWithMacTable_UsesOnlyItsCodesSerologyXxAndAlleleStrings()
    {
        var options = SyntheticPoolOptions.Default with { LegacyFraction = 1.0, MacTable = Macs };
        var donors = new SyntheticDonorGenerator(15, options).Generate(20_000).ToList();
        var positions = donors.SelectMany(d => d.GlString.Split('^')).SelectMany(l => l.Split('+')).ToList();

        Assert.DoesNotContain(donors, d => d.GlString.Contains("DPB1", StringComparison.Ordinal));
        var codes = positions.Select(p => MacPattern().Match(p)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("XX", codes);
        codes.Remove("XX");
        Assert.NotEmpty(codes);
        Assert.Subset(Macs.Keys.ToHashSet(), codes);
        Assert.Contains(positions, p => SerologyPattern().IsMatch(p));
        Assert.Contains(positions, p => p.Contains('/', StringComparison.Ordinal));
        Assert.Contains(donors, d => !d.GlString.Contains("C*", StringComparison.Ordinal));
        Assert.Contains(donors, d => !d.GlString.Contains("DQB1*", StringComparison.Ordinal));
        Assert.All(donors, d => Assert.Matches("^A.*\\^B.*DR", d.GlString));
    }

    [Theory]
    [InlineData("XY", "02:01/02:07")]
    [InlineData("AB", "01/02")]
    [InlineData("GK", "02/05")]
    public void Next_WhenMacTable_WritesCodesOnlyForAllelesTheyHold(string code, string expansion)
    {
        var options = SyntheticPoolOptions.Default with { LegacyFraction = 1.0, MacTable = new Dictionary<string, string> { [code] = expansion } };
        var modelAlleles = HanChineseModel.TailFrequencies.Values.SelectMany(v => v).Select(v => v.Allele)
            .Concat(HanChineseModel.Haplotypes.SelectMany(h => h.Alleles)).ToHashSet();

        var typings = new SyntheticDonorGenerator(16, options).Generate(5_000)
            .SelectMany(d => d.GlString.Split('^')).SelectMany(l => l.Split('+'))
            .Where(p => p.EndsWith(":" + code, StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(typings);
        Assert.All(typings, typing =>
        {
            var candidates = expansion.Split('/').Select(e => e.Contains(':', StringComparison.Ordinal)
                ? typing[..(typing.IndexOf('*', StringComparison.Ordinal) + 1)] + e
                : typing[..(typing.IndexOf(':', StringComparison.Ordinal) + 1)] + e);
            Assert.Contains(candidates, modelAlleles.Contains);
        });
    }

    [GeneratedRegex(@"^\w+\*\d+:([A-Z]{2,})$")]
    private static partial Regex MacPattern();

    [GeneratedRegex(@"^(A|B|DR)\d+$")]
    private static partial Regex SerologyPattern();
}
