using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>
/// Where releases 3.44.0 and 3.58.0 really differ: G and P groups that were created or grew, serology reassigned, alleles renamed
/// or deleted, new alleles, and the features 3.44.0 lacks files for. Every expected value is read off the cited file and line.
/// </summary>
public class ReleaseDifferenceTests
{
    [Theory]
    [InlineData("A*02:20:01", ReductionTarget.G, "A*02:20:01", "A*02:20:01G")] // hla_nom_g 3.44.0:658; hla_nom_g 3.58.0:766
    [InlineData("A*02:136", ReductionTarget.G, "A*02:136", "A*02:136:01G")] // hla_nom_g 3.44.0:780; hla_nom_g 3.58.0:890
    [InlineData("A*11:43", ReductionTarget.G, "A*11:43", "A*11:43:01G")] // hla_nom_g 3.44.0:2076; hla_nom_g 3.58.0:2428
    [InlineData("A*23:13", ReductionTarget.G, "A*23:13", "A*23:13:01G")] // hla_nom_g 3.44.0:2417; hla_nom_g 3.58.0:2834
    [InlineData("A*23:105", ReductionTarget.G, "A*23:105", "A*23:105:01G")] // hla_nom_g 3.44.0:2496; hla_nom_g 3.58.0:2913
    [InlineData("A*24:13:02", ReductionTarget.G, "A*24:13:02", "A*24:13:02G")] // hla_nom_g 3.44.0:2624; hla_nom_g 3.58.0:3075
    [InlineData("A*24:515", ReductionTarget.G, "A*24:515", "A*24:515:01G")] // hla_nom_g 3.44.0:3056; hla_nom_g 3.58.0:3512
    [InlineData("A*26:02:01", ReductionTarget.G, "A*26:02:01", "A*26:02:01G")] // hla_nom_g 3.44.0:3212; hla_nom_g 3.58.0:3768
    [InlineData("B*15:379", ReductionTarget.G, "B*15:379", "B*15:379:01G")] // hla_nom_g 3.44.0:6374; hla_nom_g 3.58.0:7490
    [InlineData("B*27:05:03", ReductionTarget.G, "B*27:05:03", "B*27:05:03G")] // hla_nom_g 3.44.0:6777; hla_nom_g 3.58.0:8019
    [InlineData("A*02:136", ReductionTarget.P, "A*02:136", "A*02:136P")] // hla_nom_p 3.44.0:394; hla_nom_p 3.58.0:443
    [InlineData("A*11:43", ReductionTarget.P, "A*11:43", "A*11:43P")] // hla_nom_p 3.44.0:1388; hla_nom_p 3.58.0:1608
    [InlineData("A*23:13", ReductionTarget.P, "A*23:13", "A*23:13P")] // hla_nom_p 3.44.0:1674; hla_nom_p 3.58.0:1941
    [InlineData("A*23:105", ReductionTarget.P, "A*23:105", "A*23:105P")] // hla_nom_p 3.44.0:1747; hla_nom_p 3.58.0:2014
    [InlineData("A*24:515", ReductionTarget.P, "A*24:515", "A*24:515P")] // hla_nom_p 3.44.0:2143; hla_nom_p 3.58.0:2426
    [InlineData("B*15:379", ReductionTarget.P, "B*15:379", "B*15:379P")] // hla_nom_p 3.44.0:4544; hla_nom_p 3.58.0:5260
    [InlineData("B*39:15", ReductionTarget.P, "B*39:15", "B*39:15P")] // hla_nom_p 3.44.0:5682; hla_nom_p 3.58.0:6639
    [InlineData("C*02:35", ReductionTarget.P, "C*02:35", "C*02:35P")] // hla_nom_p 3.44.0:7963; hla_nom_p 3.58.0:9342
    [InlineData("C*02:46", ReductionTarget.P, "C*02:46", "C*02:46P")] // hla_nom_p 3.44.0:7972; hla_nom_p 3.58.0:9351
    [InlineData("C*02:182", ReductionTarget.P, "C*02:182", "C*02:182P")] // hla_nom_p 3.44.0:8075; hla_nom_p 3.58.0:9454
    [InlineData("A*24:22", ReductionTarget.Serology, "A9", "A24")] // rel_dna_ser 3.44.0:3863; rel_dna_ser 3.58.0:4810
    [InlineData("MICA*064N", ReductionTarget.Serology, "unknown", "null")] // rel_dna_ser 3.44.0:30172; rel_dna_ser 3.58.0:40707
    [InlineData("MICB*009:01:01N", ReductionTarget.Serology, "unknown", "null")] // rel_dna_ser 3.44.0:30369; rel_dna_ser 3.58.0:41154
    [InlineData("MICB*021:01:01N", ReductionTarget.Serology, "unknown", "null")] // rel_dna_ser 3.44.0:30417; rel_dna_ser 3.58.0:41205
    [InlineData("DMA*01:04", ReductionTarget.Lgx, "DMA*01:04", "DMA*01:01")] // not in hla_nom_p 3.44.0; hla_nom_p 3.58.0:17817
    [InlineData("DMB*01:04", ReductionTarget.Lgx, "DMB*01:04", "DMB*01:01")] // not in hla_nom_p 3.44.0; hla_nom_p 3.58.0:17820
    public void Reduce_WhenReleasesDiffer_FollowsEachRelease(string allele, ReductionTarget target, string in3440, string in3580)
    {
        Assert.Equal(in3440, Nomenclatures.V3440.Reduce(allele, target));
        Assert.Equal(in3580, Nomenclatures.V3580.Reduce(allele, target));
    }

    // A two-field typing stands for more alleles as the release grows: A*01:02 (Allelelist 3.44.0: 01:02:01, 01:02:02;
    // 3.58.0: 01:02:01:01..03, 01:02:02), and its G reduction follows (hla_nom_g 3.58.0 line 139 makes A*01:02:01G).
    [Theory]
    [InlineData("A*01:02", ReductionTarget.G, "A*01:02:01/A*01:02:02", "A*01:02:01G/A*01:02:02")]
    [InlineData("A*01:02", ReductionTarget.P, "A*01:02P", "A*01:02P")]
    [InlineData("A*01:02:01", ReductionTarget.G, "A*01:02:01", "A*01:02:01G")]
    public void Reduce_WhenTypingOfBothReleases_FollowsEachRelease(string typing, ReductionTarget target, string in3440, string in3580)
    {
        Assert.Equal(in3440, Nomenclatures.V3440.Reduce(typing, target));
        Assert.Equal(in3580, Nomenclatures.V3580.Reduce(typing, target));
    }

    // Alleles counted in Allelelist.txt of each release (every allele whose name starts with the typing's fields).
    [Theory]
    [InlineData("A*01:02", 2, 4)]
    [InlineData("A*02:01", 393, 477)]
    [InlineData("A*01:01", 216, 280)]
    [InlineData("A*01:XX", 610, 772)]
    [InlineData("A*02:XX", 1550, 1910)]
    [InlineData("B*07:02", 169, 235)]
    [InlineData("DRB1*15:01", 52, 84)]
    [InlineData("DQB1*03:01", 75, 137)]
    [InlineData("DPB1*04:01", 122, 261)]
    [InlineData("A*01:01:01G", 175, 249)]   // hla_nom_g line 7 in both
    [InlineData("A*02:01:01G", 370, 498)]   // hla_nom_g 3.44.0:437, 3.58.0:520
    [InlineData("B*07:02:01G", 153, 227)]   // hla_nom_g 3.44.0:4827, 3.58.0:5697
    [InlineData("A*01:01P", 277, 373)]      // hla_nom_p line 7 in both
    [InlineData("A*02:01P", 501, 632)]      // hla_nom_p 3.44.0:284, 3.58.0:333
    [InlineData("DQB1*03:01P", 156, 258)]   // hla_nom_p 3.44.0:11997, 3.58.0:16294
    public void Interpret_WhenReleaseGrew_StandsForMoreAlleles(string typing, int in3440, int in3580)
    {
        Assert.Equal(in3440, Nomenclatures.V3440.Interpret(typing).Alleles.Length);
        Assert.Equal(in3580, Nomenclatures.V3580.Interpret(typing).Alleles.Length);
    }

    // Current in 3.44.0 (Allelelist.txt), deleted by 3.58.0 with the replacement hla_nom.txt 3.58.0 gives (line cited).
    [Theory]
    [InlineData("A*02:01:08", "A*02:1040")]          // hla_nom 1210
    [InlineData("A*23:113N", "A*24:586N")]          // hla_nom 4594
    [InlineData("B*07:02:06", "B*07:436")]          // hla_nom 8810
    [InlineData("B*38:156", "B*39:171")]            // hla_nom 13794
    [InlineData("B*38:157", "B*39:172")]            // hla_nom 13795
    [InlineData("B*38:158", "B*39:173")]            // hla_nom 13796
    [InlineData("B*38:159", "B*39:174")]            // hla_nom 13797
    [InlineData("B*56:05:02", "B*56:94")]           // hla_nom 18196
    [InlineData("C*05:245", "C*05:07N")]            // hla_nom 22369
    [InlineData("C*08:01:08", "C*08:22:02")]        // hla_nom 25092
    [InlineData("C*16:15:01", "C*16:201")]          // hla_nom 27099
    [InlineData("DPA1*02:01:01:05", "DPA1*02:01:01:09")] // hla_nom 28241
    [InlineData("DQB1*02:01:10", "DQB1*02:02:15")]  // hla_nom 32298
    [InlineData("DQB1*02:01:14", "DQB1*02:02:17")]  // hla_nom 32302
    public void Reduce_WhenAlleleDeletedAfter3440_Fails3580WithReplacement(string allele, string replacement)
    {
        Assert.NotEmpty(Nomenclatures.V3440.Reduce(allele, ReductionTarget.G));
        var error = Assert.Throws<HlaTypingException>(() => Nomenclatures.V3580.Reduce(allele, ReductionTarget.G));
        Assert.Equal(allele, error.Token);
        Assert.Equal(replacement, error.Replacement);
    }

    // Named after 3.44.0 (absent from its Allelelist.txt, present in 3.58.0's).
    [Theory]
    [InlineData("A*01:01:01:92")]
    [InlineData("A*01:412")]
    [InlineData("A*01:02:01:03")]
    public void Interpret_WhenAlleleNamedAfter3440_IsUnknownIn3440Only(string allele)
    {
        var error = Assert.Throws<HlaTypingException>(() => Nomenclatures.V3440.Interpret(allele));
        Assert.Equal(allele, error.Token);
        Assert.Contains("3.44.0", error.Reason, StringComparison.Ordinal);
        Assert.Single(Nomenclatures.V3580.Interpret(allele).Alleles);
    }

    [Fact]
    public void Data_When3440_NamesTheMissingFeatures()
    {
        var missing = Nomenclatures.V3440.Data.UnavailableFeatures;
        Assert.Equal(4, missing.Length);
        Assert.Contains(missing, m => m.StartsWith("Allele_status.txt", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("Deleted_alleles.txt", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("Nomenclature_2009.txt", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.StartsWith("dpb_tce.csv", StringComparison.Ordinal));
        Assert.Empty(Nomenclatures.V3580.Data.UnavailableFeatures);
    }

    [Fact]
    public void Grade_When3440HasNoAlleleStatus_DegradesGDnaToCDna()
    {
        // Allele_status.txt 3.58.0: A*01:01:01:01 is Full gDNA.
        Assert.Equal(MatchGrade.GDna, Nomenclatures.V3580.Grade(Nomenclatures.V3580.Interpret("A*01:01:01:01"), Nomenclatures.V3580.Interpret("A*01:01:01:01")));
        Assert.Equal(MatchGrade.CDna, Nomenclatures.V3440.Grade(Nomenclatures.V3440.Interpret("A*01:01:01:01"), Nomenclatures.V3440.Interpret("A*01:01:01:01")));
    }

    [Fact]
    public void TceGroup_When3440HasNoTceFile_IsUnknown()
    {
        Assert.Null(Nomenclatures.V3440.TceGroup("DPB1*04:01:01:01"));
        Assert.Equal(3, Nomenclatures.V3580.TceGroup("DPB1*04:01:01:01"));
    }

    // Pre-2010 names: 3.58.0 reads them through Nomenclature_2009.txt, 3.44.0 (no such file) by digit splitting.
    [Theory]
    [InlineData("A*0201", 393, 477)]
    [InlineData("A*02010101", 1, 1)]
    [InlineData("B*0702", 169, 235)]
    public void Interpret_WhenPre2010Name_ResolvesInBothReleases(string typing, int in3440, int in3580)
    {
        Assert.Equal(TypingForm.Pre2010Allele, Nomenclatures.V3440.Interpret(typing).Form);
        Assert.Equal(in3440, Nomenclatures.V3440.Interpret(typing).Alleles.Length);
        Assert.Equal(in3580, Nomenclatures.V3580.Interpret(typing).Alleles.Length);
    }

    [Fact]
    public void Release_WhenLoaded_IsReadFromTheFiles()
    {
        Assert.Equal("3.44.0", Nomenclatures.V3440.Release);
        Assert.Equal("3.58.0", Nomenclatures.V3580.Release);
    }
}
