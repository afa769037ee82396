using DonationRegistry.SyntheticDonors;
using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tool.Tests.SyntheticDonors;

/// <summary>The hand-written model against IMGT/HLA 3.58.0 (read in place): every allele exists, every serology is WMDA's.</summary>
public sealed class HanChineseModelTests
{
    private static readonly Lazy<HashSet<string>> TwoFieldNames = new(ReadTwoFieldNames);
    private static readonly Lazy<Dictionary<string, string>> WmdaSerology = new(ReadSerology);

    public static TheoryData<string> ModelAlleles()
    {
        var data = new TheoryData<string>();
        foreach (var allele in HanChineseModel.TailFrequencies.Values.SelectMany(v => v).Select(v => v.Allele)
                     .Concat(HanChineseModel.Haplotypes.SelectMany(h => h.Alleles))
                     .Concat(HanChineseModel.Dpb1Frequencies.Select(d => d.Allele))
                     .Distinct())
        {
            data.Add(allele);
        }
        return data;
    }

    public static TheoryData<string, string> SerologyPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (allele, antigen) in HanChineseModel.Serology) data.Add(allele, antigen);
        return data;
    }

    [Theory]
    [MemberData(nameof(ModelAlleles))]
    public void ModelAllele_Always_IsATwoFieldNameOfRelease358(string allele)
    {
        Assert.Contains(allele, TwoFieldNames.Value);
    }

    [Theory]
    [MemberData(nameof(SerologyPairs))]
    public void Serology_Always_IsTheWmdaAntigenOfTheFirstAlleleOfItsProtein(string allele, string antigen)
    {
        Assert.Equal(antigen, WmdaSerology.Value[allele]);
    }

    [Fact]
    public void Haplotypes_Always_UseEveryLocusOnceAndSumBelowOne()
    {
        Assert.All(HanChineseModel.Haplotypes, h => Assert.Equal(
            ["A", "B", "C", "DRB1", "DQB1"], h.Alleles.Select(a => a[..a.IndexOf('*', StringComparison.Ordinal)])));
        Assert.InRange(HanChineseModel.Haplotypes.Sum(h => h.Frequency), 0.15, 0.35);
        Assert.Equal(HanChineseModel.Haplotypes.Count, HanChineseModel.Haplotypes.Select(h => h.ToString()).Distinct().Count());
    }

    private static HashSet<string> ReadTwoFieldNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Path.Combine(ImgtData.RootFolder, "3.58.0"), "Allelelist.txt")))
        {
            if (line.StartsWith('#') || line.StartsWith("AlleleID", StringComparison.Ordinal)) continue;
            var name = line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..];
            var fields = name.Split(':');
            if (fields.Length < 2) continue;
            names.Add($"{fields[0]}:{fields[1].TrimEnd('N', 'L', 'S', 'Q', 'C', 'A')}");
        }
        return names;
    }

    /// <summary>Two-field name → the unambiguous antigen of the first allele of that protein in rel_dna_ser.txt, as written (A2, B60, DR17).</summary>
    private static Dictionary<string, string> ReadSerology()
    {
        var serology = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Path.Combine(ImgtData.RootFolder, "3.58.0"), "rel_dna_ser.txt")))
        {
            var parts = line.Split(';');
            if (line.StartsWith('#') || parts.Length < 3) continue;
            var gene = parts[0].TrimEnd('*');
            var fields = parts[1].Split(':');
            if (fields.Length < 2) continue; // HFE, MICA: one-field names, no serology
            var prefix = gene switch { "DRB1" => "DR", "DQB1" => "DQ", "C" => "Cw", _ => gene };
            serology.TryAdd($"{gene}*{fields[0]}:{fields[1]}", prefix + parts[2]);
        }
        return serology;
    }
}
