using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>NMDP multiple-allele codes from the fixture table (Fixtures/mac-fixture.txt, numer.v3.txt layout).</summary>
public class MacTableTests
{
    private static HlaNomenclature Nom => Nomenclatures.V3580;

    [Fact]
    public void Load_WhenPublishedLayout_SkipsHeadersAndReadsEveryCode()
    {
        Assert.Equal(20, Nomenclatures.Macs.Count);
        Assert.True(Nomenclatures.Macs.TryGetExpansion("AT", out var starred));   // a line starting with '*'
        Assert.Equal(["9998", "9999"], starred);
        Assert.False(Nomenclatures.Macs.TryGetExpansion("CODE", out _));          // the column header line
    }

    [Fact]
    public void Load_WhenTextReader_ReadsTabSeparatedCodes()
    {
        using var reader = new StringReader("LAST UPDATED: 01/01/25\n*\tCODE\tSUBTYPE\n\n\tAB\t01/02\n*\tXY\t01:01/02:01\nnot a code line\n");
        var table = MacTable.Load(reader);
        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetExpansion("XY", out var items));
        Assert.Equal(["01:01", "02:01"], items);
    }

    // Generic codes combine the typing's first field with each second field; allele-list codes give full names.
    [Theory]
    [InlineData("A*01:AB", "A*01:01/A*01:02")]                 // AB 01/02
    [InlineData("A*02:AB", "A*02:01/A*02:02")]
    [InlineData("A*01:AD", "A*01:01/A*01:02/A*01:03")]         // AD 01/02/03
    [InlineData("B*07:AF", "B*07:05/B*07:06")]                 // AF 05/06
    [InlineData("A*01:AH", "A*01:01/A*01:11N")]                // AH 01/11N: a null kept
    [InlineData("A*01:AM", "A*01:01/A*02:01")]                 // AM 01:01/02:01 (allele list: the first field written is not used)
    [InlineData("A*02:AN", "A*02:01/A*02:06/A*02:07")]
    [InlineData("DRB1*03:AR", "DRB1*03:01/DRB1*03:02/DRB1*04:01")]
    [InlineData("A*01:AS", "A*01:01")]                         // AS 9999/01: a name the release lacks is passed over
    [InlineData("A*02:AV", "A*02:01:01/A*02:02")]              // AV 02:01:01/02:02
    [InlineData("A*02:AW", "A*02:101/A*02:102")]               // AW 101/102: three-digit second fields
    [InlineData("A*01:BCD", "A*01:01/A*01:02/A*01:03/A*01:04")]
    [InlineData("A*01:XYZAB", "A*01:01/A*01:02/A*01:03")]      // five letters
    public void Interpret_WhenMac_StandsForItsExpansion(string typing, string expansion)
    {
        var position = Nom.Interpret(typing);
        Assert.Equal(TypingForm.MultipleAlleleCode, position.Form);
        Assert.Equal(Nom.Interpret(expansion).Alleles.AsEnumerable(), position.Alleles.AsEnumerable());
    }

    [Theory]
    [InlineData("A*01:AB", ReductionTarget.P, "A*01:01N/A*01:01P/A*01:02P")]  // A*01:01:01:02N is in no P group
    [InlineData("A*01:AH", ReductionTarget.Lgx, "A*01:01/A*01:01N/A*01:11N")]
    [InlineData("A*02:AN", ReductionTarget.P, "A*02:01P/A*02:06P/A*02:07P")]
    public void Reduce_WhenMac_ReducesItsExpansion(string typing, ReductionTarget target, string expected) =>
        Assert.Equal(expected, Nom.Reduce(typing, target));
}
