using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>Every allele of Allelelist.txt (3.58.0, and 3.44.0 too), all genes, reduces to G, P, lgx and serology without an error.</summary>
public class AllAllelesTests
{
    private static readonly ReductionTarget[] Targets = [ReductionTarget.G, ReductionTarget.P, ReductionTarget.Lgx, ReductionTarget.Serology];

    [Theory]
    [InlineData("3.58.0", 41_433)]
    [InlineData("3.44.0", 30_523)]
    public void Reduce_WhenEveryAlleleOfTheRelease_GivesOneNonEmptyResultPerTarget(string release, int alleles)
    {
        var nomenclature = Nomenclatures.Of(release);
        var failures = new List<string>();
        var reduced = 0;
        foreach (var allele in nomenclature.Data.Alleles)
        {
            foreach (var target in Targets)
            {
                try
                {
                    var result = nomenclature.Reduce(allele.Name, target);
                    // A full allele name stands for itself only, so G, P and lgx give exactly one name.
                    if (result.Length == 0 || (target != ReductionTarget.Serology && result.Contains('/', StringComparison.Ordinal)))
                    {
                        failures.Add($"{allele.Name} {target}: '{result}'");
                    }
                    reduced++;
                }
                catch (HlaTypingException error)
                {
                    failures.Add($"{allele.Name} {target}: {error.Message}");
                }
            }
        }
        Assert.Empty(failures.Take(20));
        Assert.Equal(alleles * Targets.Length, reduced);
    }

    [Fact]
    public void Interpret_WhenEveryAlleleOfTheMatchingLoci_StandsForItselfOnly()
    {
        var nomenclature = Nomenclatures.V3580;
        var failures = new List<string>();
        foreach (var allele in nomenclature.Data.Alleles)
        {
            if (!Loci.TryParse(allele.Gene, out var locus)) continue;
            var position = nomenclature.Interpret(locus.Value, allele.Name);
            if (position.Alleles.Length != 1 || position.Alleles[0] != allele.Name || position.IsNull != allele.IsNull
                || position.PGroups.Length != (allele.IsNull ? 0 : 1))
            {
                failures.Add(allele.Name);
            }
        }
        Assert.Empty(failures.Take(20));
    }
}
