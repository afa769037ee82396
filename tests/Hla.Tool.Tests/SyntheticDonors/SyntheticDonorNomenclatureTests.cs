using DonationRegistry.SyntheticDonors;
using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tool.Tests.SyntheticDonors;

/// <summary>Every generated typing (high resolution and every legacy form, MACs included) is read by the 3.58.0 nomenclature.</summary>
public sealed class SyntheticDonorNomenclatureTests
{
    // A hand-made table in NMDP's numer.v3.txt layout (not NMDP's data); the generator gets the same codes.
    private static readonly Dictionary<string, string> Macs = new()
    {
        ["AB"] = "01/02",
        ["AC"] = "01/03/04",
        ["GK"] = "02/05",
        ["XY"] = "02:01/02:07",
    };

    private static readonly Lazy<HlaNomenclature> Nomenclature = new(() => HlaNomenclature.LoadFolder(
        Path.Combine(ImgtData.RootFolder, "3.58.0"),
        MacTable.Load(new StringReader(string.Concat(Macs.Select(m => $"*\t{m.Key}\t{m.Value}\n"))))));

    [Fact]
    public void Next_WhenHalfLegacyWithMacs_EveryGlStringParses()
    {
        var options = SyntheticPoolOptions.Default with { LegacyFraction = 0.5, MacTable = Macs };
        var failures = new List<string>();

        foreach (var donor in new SyntheticDonorGenerator(21, options).Generate(20_000))
        {
            try
            {
                var genotype = Nomenclature.Value.ParseGlString(donor.GlString);
                Assert.True(genotype[Locus.A] is not null && genotype[Locus.B] is not null && genotype[Locus.Drb1] is not null, donor.GlString);
            }
            catch (HlaTypingException error)
            {
                failures.Add($"{donor.GlString}: {error.Message}");
            }
        }

        Assert.Empty(failures.Take(10));
    }

    [Fact]
    public void SamplePatients_Always_ParseAtAllSixLoci()
    {
        var patients = new SyntheticDonorGenerator(22, SyntheticPoolOptions.Default).SamplePatients(2_000);

        Assert.All(patients, p => Assert.Equal(6, Nomenclature.Value.ParseGlString(p.GlString).Loci.Count));
    }
}
