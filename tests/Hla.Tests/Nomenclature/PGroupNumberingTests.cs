using Xunit;
using DonationRegistry.Hla.Release;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>The per-locus P-group id space PositionTyping.PGroups uses.</summary>
public class PGroupNumberingTests
{
    // hla_nom_p.txt 3.58.0: one id per line of the locus (multi-member groups and single proteins); nulls are not listed.
    [Theory]
    [InlineData(Locus.A, 3992)]
    [InlineData(Locus.B, 5117)]
    [InlineData(Locus.C, 3718)]
    [InlineData(Locus.Drb1, 1982)]
    [InlineData(Locus.Dqb1, 977)]
    [InlineData(Locus.Dpb1, 997)]
    public void PGroupCount_When3580_IsTheNumberOfPFileLinesOfTheLocus(Locus locus, int count) =>
        Assert.Equal(count, Nomenclatures.V3580.PGroupCount(locus));

    [Theory]
    [InlineData("A*01:01:01:01", "A*01:01P")]
    [InlineData("A*01:06", "A*01:06")]          // hla_nom_p.txt:10, a protein in no group keeps its two-field name
    [InlineData("A*01:248Q", "A*01:01P")]
    [InlineData("DPB1*04:01:01:01", "DPB1*04:01P")]
    public void PGroupName_WhenIdOfAnAllele_NamesItsGroup(string allele, string group)
    {
        var position = Nomenclatures.V3580.Interpret(allele);
        Assert.Equal(group, Nomenclatures.V3580.PGroupName(position.Locus, Assert.Single(position.PGroups)));
    }

    [Fact]
    public void PGroups_WhenLoadedTwice_AreNumberedTheSame()
    {
        var again = new HlaNomenclature(ImgtReleaseLoader.Load(ImgtData.Folder("3.58.0")));
        foreach (var locus in Loci.All)
        {
            Assert.Equal(Nomenclatures.V3580.PGroupCount(locus), again.PGroupCount(locus));
            for (var id = 0; id < again.PGroupCount(locus); id++)
            {
                Assert.Equal(Nomenclatures.V3580.PGroupName(locus, id), again.PGroupName(locus, id));
            }
        }
        Assert.Equal(Nomenclatures.V3580.Interpret("B*15:XX").PGroups.AsEnumerable(), again.Interpret("B*15:XX").PGroups.AsEnumerable());
    }

    [Fact]
    public void PGroups_WhenPositionHasSeveralAlleles_AreSortedDistinctIdsInRange()
    {
        var position = Nomenclatures.V3580.Interpret("A*02:XX");
        Assert.Equal(position.PGroups.Distinct().Order(), position.PGroups.AsEnumerable());
        Assert.All(position.PGroups, id => Assert.InRange(id, 0, Nomenclatures.V3580.PGroupCount(Locus.A) - 1));
    }
}
