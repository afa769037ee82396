using DonationRegistry.SyntheticDonors;
using Xunit;

namespace DonationRegistry.Hla.Tool.Tests.SyntheticDonors;

/// <summary>Determinism and the shape of generated donors and patients.</summary>
public sealed class SyntheticDonorGeneratorTests
{
    private static readonly string[] ZhejiangCities =
        ["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"];

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(-7)]
    public void Next_WhenSameSeed_GivesSameDonors(int seed)
    {
        var first = new SyntheticDonorGenerator(seed, SyntheticPoolOptions.Default).Generate(2_000).ToList();
        var second = new SyntheticDonorGenerator(seed, SyntheticPoolOptions.Default).Generate(2_000).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Next_WhenDifferentSeed_GivesDifferentDonors()
    {
        var first = new SyntheticDonorGenerator(1, SyntheticPoolOptions.Default).Generate(100).Select(d => d.GlString).ToList();
        var second = new SyntheticDonorGenerator(2, SyntheticPoolOptions.Default).Generate(100).Select(d => d.GlString).ToList();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Next_WhenManyDonors_GivesDistinctIds()
    {
        var ids = new SyntheticDonorGenerator(3, SyntheticPoolOptions.Default).Generate(50_000).Select(d => d.Id).ToHashSet();

        Assert.Equal(50_000, ids.Count);
    }

    [Fact]
    public void SamplePatients_WhenDonorsDrawnBefore_GivesSamePatients()
    {
        var fresh = new SyntheticDonorGenerator(5, SyntheticPoolOptions.Default).SamplePatients(20);
        var used = new SyntheticDonorGenerator(5, SyntheticPoolOptions.Default);
        _ = used.Generate(1_000).ToList();

        Assert.Equal(fresh, used.SamplePatients(20));
    }

    [Fact]
    public void SamplePatients_Always_TypesSixLociAtTwoFields()
    {
        var patients = new SyntheticDonorGenerator(6, SyntheticPoolOptions.Default).SamplePatients(500);

        Assert.All(patients, p =>
        {
            var loci = p.GlString.Split('^');
            Assert.Equal(["A", "B", "C", "DRB1", "DQB1", "DPB1"], loci.Select(l => l[..l.IndexOf('*', StringComparison.Ordinal)]));
            Assert.All(loci.SelectMany(l => l.Split('+')), IsTwoFieldAllele);
        });
    }

    [Fact]
    public void Next_WhenHighResolution_TypesFiveLociAndSometimesDpb1()
    {
        var donors = new SyntheticDonorGenerator(7, SyntheticPoolOptions.Default).Generate(20_000).Where(d => !d.IsLegacyTyping).ToList();

        Assert.All(donors, d =>
        {
            var loci = d.GlString.Split('^');
            Assert.InRange(loci.Length, 5, 6);
            Assert.All(loci, l => Assert.Equal(2, l.Split('+').Length));
            Assert.All(loci.SelectMany(l => l.Split('+')), IsTwoFieldAllele);
        });
        var withDpb1 = donors.Count(d => d.GlString.Contains("DPB1*", StringComparison.Ordinal)) / (double)donors.Count;
        Assert.InRange(withDpb1, 0.58, 0.62);
    }

    [Fact]
    public void Next_WhenDefaultOptions_GivesRegistryLikeProfiles()
    {
        var donors = new SyntheticDonorGenerator(8, SyntheticPoolOptions.Default).Generate(100_000).ToList();

        Assert.InRange(donors.Count(d => d.IsLegacyTyping) / 1e5, 0.14, 0.16);
        Assert.InRange(donors.Count(d => d.Sex == "M") / 1e5, 0.54, 0.56);
        Assert.All(donors, d => Assert.InRange(2026 - d.BirthYear, 18, 60));
        Assert.InRange(donors.Min(d => d.BirthYear), 1966, 1966);
        Assert.InRange(donors.Max(d => d.BirthYear), 2008, 2008);
        Assert.All(donors, d => Assert.Contains(d.RegionCode, ZhejiangCities));
        Assert.Equal(ZhejiangCities.Length, donors.Select(d => d.RegionCode).Distinct().Count());
        Assert.InRange(donors.Count(d => d.CmvPositive == true) / 1e5, 0.86, 0.90);
        Assert.InRange(donors.Count(d => d.CmvPositive is null) / 1e5, 0.03, 0.05);
        var abo = donors.GroupBy(d => d.Abo).ToDictionary(g => g.Key, g => g.Count() / 1e5);
        Assert.Equal(["A", "AB", "B", "O"], abo.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(abo["O"], 0.30 / 0.96 - 0.01, 0.30 / 0.96 + 0.01);
        Assert.InRange(abo["AB"], 0.09 / 0.96 - 0.01, 0.09 / 0.96 + 0.01);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.10)]
    [InlineData(1.0)]
    public void Next_WhenLegacyFractionSet_FollowsIt(double fraction)
    {
        var options = SyntheticPoolOptions.Default with { LegacyFraction = fraction };

        var legacy = new SyntheticDonorGenerator(9, options).Generate(20_000).Count(d => d.IsLegacyTyping) / 20_000.0;

        Assert.InRange(legacy, fraction - 0.01, fraction + 0.01);
    }

    private static void IsTwoFieldAllele(string allele) =>
        Assert.Matches(@"^(A|B|C|DRB1|DQB1|DPB1)\*\d{2,3}:\d{2,3}$", allele);
}
