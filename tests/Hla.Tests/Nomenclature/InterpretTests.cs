using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>
/// Interpretation of every typing form against release 3.58.0. Counts are the alleles of Allelelist.txt whose names start with
/// the typing's fields, or the members of the cited hla_nom_g.txt / hla_nom_p.txt line.
/// </summary>
public class InterpretTests
{
    private static HlaNomenclature Nom => Nomenclatures.V3580;

    [Theory]
    [InlineData("A*01:01:01:01", TypingForm.Allele, 1)]
    [InlineData("A*01:01:01", TypingForm.Allele, 120)]
    [InlineData("A*01:01", TypingForm.Allele, 280)]
    [InlineData("A*02:01", TypingForm.Allele, 477)]
    [InlineData("A*24:02", TypingForm.Allele, 322)]
    [InlineData("B*07:02", TypingForm.Allele, 235)]
    [InlineData("DRB1*15:01", TypingForm.Allele, 84)]
    [InlineData("DRB1*04:01", TypingForm.Allele, 49)]
    [InlineData("DQB1*03:01", TypingForm.Allele, 137)]
    [InlineData("DPB1*04:01", TypingForm.Allele, 261)]
    [InlineData("C*04:09N", TypingForm.Allele, 1)]
    [InlineData("HLA-A*24:02", TypingForm.Allele, 322)]
    [InlineData("hla-a*24:02", TypingForm.Allele, 322)]
    [InlineData("Cw*01:02", TypingForm.Allele, 171)]
    [InlineData("A*01:XX", TypingForm.XxCode, 772)]
    [InlineData("A*01", TypingForm.XxCode, 772)]
    [InlineData("A*02:XX", TypingForm.XxCode, 1910)]
    [InlineData("DRB1*04:XX", TypingForm.XxCode, 582)]
    [InlineData("C*07:XX", TypingForm.XxCode, 1994)]
    [InlineData("A*01:01:01G", TypingForm.GGroup, 249)]   // hla_nom_g.txt:7
    [InlineData("A*02:01:01G", TypingForm.GGroup, 498)]   // hla_nom_g.txt:520
    [InlineData("B*07:02:01G", TypingForm.GGroup, 227)]   // hla_nom_g.txt:5697
    [InlineData("DRB1*15:01:01G", TypingForm.GGroup, 78)] // hla_nom_g.txt:20911
    [InlineData("C*04:01:01G", TypingForm.GGroup, 355)]   // hla_nom_g.txt:14089
    [InlineData("A*01:02:01G", TypingForm.GGroup, 5)]     // hla_nom_g.txt:139
    [InlineData("A*01:01P", TypingForm.PGroup, 373)]      // hla_nom_p.txt:7
    [InlineData("A*02:01P", TypingForm.PGroup, 632)]      // hla_nom_p.txt:333
    [InlineData("B*07:02P", TypingForm.PGroup, 303)]      // hla_nom_p.txt:3999
    [InlineData("DRB1*04:01P", TypingForm.PGroup, 64)]    // hla_nom_p.txt:13282
    [InlineData("DQB1*03:01P", TypingForm.PGroup, 258)]   // hla_nom_p.txt:16294
    [InlineData("A*01:02P", TypingForm.PGroup, 5)]        // hla_nom_p.txt:8
    [InlineData("A*01:06P", TypingForm.PGroup, 1)]        // hla_nom_p.txt:10 lists A*01:06 alone (read leniently)
    [InlineData("A*01XX", TypingForm.XxCode, 772)]       // pre-2010 spelling of A*01:XX
    [InlineData("A*01AB", TypingForm.MultipleAlleleCode, 284)] // pre-2010 spelling of A*01:AB (fixture AB 01/02)
    [InlineData("A*0101/0102", TypingForm.AlleleString, 284)]  // pre-2010 names in an allele string
    [InlineData("A*01:01/A*01:02", TypingForm.AlleleString, 284)]
    [InlineData("A*01:01/02", TypingForm.AlleleString, 284)]
    [InlineData("HLA-A*01:01/HLA-A*01:02", TypingForm.AlleleString, 284)]
    [InlineData("A*01:01:01:01/02N", TypingForm.AlleleString, 2)]
    [InlineData("A*01:01:01:01/A*01:01:01:03/A*01:01:01:04", TypingForm.AlleleString, 3)]
    [InlineData("A*02:01/A*02:01:01:01", TypingForm.AlleleString, 477)]
    [InlineData("A*01:01:01G/A*01:02P", TypingForm.AlleleString, 254)]
    public void Interpret_WhenMolecular_StandsForTheAllelesOfTheRelease(string typing, TypingForm form, int alleles)
    {
        var position = Nom.Interpret(typing);
        Assert.Equal(form, position.Form);
        Assert.Equal(alleles, position.Alleles.Length);
        Assert.Equal(typing, position.Written);
        Assert.Equal(position.Alleles.Order(StringComparer.Ordinal), position.Alleles);
    }

    // Nomenclature_2009.txt (line cited) maps the old name; a shorter old name stands for what its full old names became.
    [Theory]
    [InlineData("A*02010101", "A*02:01:01:01", 1)]    // line 72
    [InlineData("A*24020101", "A*24:02:01:01", 1)]    // line 437
    [InlineData("B*15010101", "B*15:01:01:01", 1)]    // line 1281
    [InlineData("A*9201", "A*02:101:01", 2)]          // line 918: A*9201 → A*02:101 (02:101:01, 02:101:02)
    [InlineData("Cw*010201", "C*01:02:01:01", 77)]    // line 2648: Cw*010201 → C*01:02:01
    [InlineData("C*010201", "C*01:02:01:01", 77)]     // the same, written with the current locus name
    [InlineData("DRB1*040101", "DRB1*04:01:01:01", 26)] // line 3831
    [InlineData("DQB1*030101", "DQB1*03:01:01:01", 69)] // line 3606
    [InlineData("A*230101", "A*23:01:01:01", 34)]     // line 409 → A*23:01:01 (34 alleles A*23:01:01:…)
    [InlineData("A*0201", "A*02:01:01:01", 477)]      // prefix of line 72 and the other A*0201… names → A*02:01
    [InlineData("B*0702", "B*07:02:01:01", 235)]      // prefix of lines 1019 ff. → B*07:02
    [InlineData("DRB1*0401", "DRB1*04:01:01:01", 49)] // prefix of line 3831 ff. → DRB1*04:01
    public void Interpret_WhenPre2010Name_MapsThroughNomenclature2009(string typing, string firstAllele, int alleles)
    {
        var position = Nom.Interpret(typing);
        Assert.Equal(TypingForm.Pre2010Allele, position.Form);
        Assert.Equal(firstAllele, position.Alleles[0]);
        Assert.Equal(alleles, position.Alleles.Length);
    }

    // hla_nom.txt (line cited) and Deleted_alleles.txt: deleted names fail with the replacement IMGT gives.
    [Theory]
    [InlineData("A*01:34N", "A*01:01:38L")]       // Deleted_alleles.txt:10, renamed
    [InlineData("A*02:01:08", "A*02:1040")]       // Deleted_alleles.txt:11, renamed
    [InlineData("A*02:17:01", "A*02:17:02:01")]   // hla_nom.txt:1614, sequence error
    [InlineData("A*03:200Q", "A*03:266N")]        // hla_nom.txt:3352
    [InlineData("HLA-A*03:200Q", "A*03:266N")]
    [InlineData("A*23:113N", "A*24:586N")]        // Deleted_alleles.txt:25
    [InlineData("B*07:02:06", "B*07:436")]        // Deleted_alleles.txt:41
    [InlineData("C*05:245", "C*05:07N")]          // Deleted_alleles.txt:99
    [InlineData("DQB1*02:01:10", "DQB1*02:02:15")] // Deleted_alleles.txt:161
    [InlineData("A*0105N", "A*01:04:01:01N")]     // Nomenclature_2009.txt:21 None; hla_nom.txt A*;0105N → 01:04:01:01N
    [InlineData("A*31011", "A*31:01:02:01")]      // Nomenclature_2009.txt:719 None; hla_nom.txt:6833
    [InlineData("B*070206", "B*07:436")]          // Nomenclature_2009.txt:1024 → B*07:02:06, since deleted
    public void Interpret_WhenAlleleDeleted_FailsNamingReplacement(string typing, string replacement)
    {
        var error = Assert.Throws<HlaTypingException>(() => Nom.Interpret(typing));
        Assert.Equal(typing, error.Token);
        Assert.Equal(replacement, error.Replacement);
        Assert.Contains(replacement, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_WhenNameNeverAssigned_FailsWithoutReplacement()
    {
        // hla_nom.txt:1725 "A*;02:100;…;;Never assigned"
        var error = Assert.Throws<HlaTypingException>(() => Nom.Interpret("A*02:100"));
        Assert.Equal("A*02:100", error.Token);
        Assert.Null(error.Replacement);
    }

    // Serology: the alleles rel_dna_ser.txt assigns the antigen, its splits (rel_ser_ser.txt) and associated antigens.
    [Theory]
    [InlineData("A9", "A*23:01:01:01", true)]      // rel_ser_ser A;9;23/24; rel_dna_ser:4216 → 23
    [InlineData("A9", "A*24:02:01:01", true)]      // rel_dna_ser:4446 → 24
    [InlineData("A9", "A*24:03:01:01", true)]      // rel_dna_ser:4768 → 2403, associated with split 24 (rel_ser_ser A;24;;2403)
    [InlineData("A9", "A*01:01:01:01", false)]
    [InlineData("A24", "A*24:02:01:01", true)]
    [InlineData("A24", "A*24:03:01:01", true)]     // associated 2403
    [InlineData("A24", "A*23:01:01:01", false)]    // the other split
    [InlineData("A2403", "A*24:03:01:01", true)]
    [InlineData("A2403", "A*24:02:01:01", false)]
    [InlineData("A2", "A*02:03:01:01", true)]      // rel_ser_ser A;2;;203/210; rel_dna_ser:1272 → 203
    [InlineData("A2", "A*02:10", true)]            // rel_dna_ser:1415 → 210
    [InlineData("A203", "A*02:01:01:01", false)]
    [InlineData("B5", "B*51:01:01:01", true)]      // rel_ser_ser B;5;51/52
    [InlineData("B5", "B*52:01:01:01", true)]
    [InlineData("B5", "B*51:02:01:01", true)]      // 5102, associated with split 51 (B;51;;5102/5103)
    [InlineData("B15", "B*15:01:01:01", true)]     // B;15;62/63/75/76/77; rel_dna_ser:10312 → 62
    [InlineData("B15", "B*15:16:01:01", true)]     // rel_dna_ser:10579 → 63
    [InlineData("B15", "B*15:10:01:01", false)]    // rel_dna_ser:10543 → 71, a split of B70 not of B15
    [InlineData("B70", "B*15:10:01:01", true)]
    [InlineData("B21", "B*49:01:01:01", true)]     // B;21;49/50;4005
    [InlineData("B21", "B*50:01:01:01", true)]
    [InlineData("B21", "B*40:05:01:01", true)]     // rel_dna_ser:14198 → 4005 (expert 40)
    [InlineData("B40", "B*40:01:02:01", true)]     // B;40;60/61; rel_dna_ser:13952 → 60
    [InlineData("B40", "B*40:02:01:01", true)]     // rel_dna_ser:14107 → 61
    [InlineData("B40", "B*40:05:01:01", true)]     // expert assignment 40
    [InlineData("B12", "B*44:02:01:01", true)]     // B;12;44/45
    [InlineData("B12", "B*45:01:01:01", true)]
    [InlineData("B27", "B*27:05:02:01", true)]
    [InlineData("Cw3", "C*03:03:01:01", true)]     // Cw;3;9/10; rel_dna_ser:19633 → 9
    [InlineData("Cw3", "C*03:04:01:01", true)]     // rel_dna_ser:19774 → 10
    [InlineData("Cw10", "C*03:03:01:01", false)]
    [InlineData("Cw1", "C*01:02:01:01", true)]     // rel_dna_ser:18662 → 1
    [InlineData("C1", "C*01:02:01:01", true)]      // C written without w
    [InlineData("cw1", "C*01:02:01:01", true)]
    [InlineData("DR3", "DRB1*03:01:01:01", true)]  // DR;3;17/18; rel_dna_ser:35104 → 17
    [InlineData("DR3", "DRB1*03:02:01:01", true)]  // rel_dna_ser:35172 → 18
    [InlineData("DR17", "DRB1*03:02:01:01", false)]
    [InlineData("DR2", "DRB1*15:01:01:01", true)]  // DR;2;15/16
    [InlineData("DR2", "DRB1*16:01:01:01", true)]
    [InlineData("DR14", "DRB1*14:03:01", true)]    // DR;14;;1403/1404; rel_dna_ser:37774 → 1403
    [InlineData("DR14", "DRB1*14:04:01:01", true)] // rel_dna_ser:37776 → 1404
    [InlineData("DR14", "DRB1*14:01:01:01", true)] // rel_dna_ser:37754 → 14
    [InlineData("DR1", "DRB1*01:03:01:01", true)]  // DR;1;;103
    [InlineData("DQ1", "DQB1*05:01:01:01", true)]  // DQ;1;5/6
    [InlineData("DQ1", "DQB1*06:02:01:01", true)]
    [InlineData("DQ3", "DQB1*03:01:01:01", true)]  // DQ;3;7/8/9
    [InlineData("DQ3", "DQB1*03:02:01:01", true)]
    [InlineData("DQ3", "DQB1*03:03:02:01", true)]
    [InlineData("DQ7", "DQB1*03:02:01:01", false)]
    [InlineData("HLA-A9", "A*23:01:01:01", true)]
    public void Interpret_WhenSerology_ExpandsThroughSplitsAndAssociated(string typing, string allele, bool included)
    {
        var position = Nom.Interpret(typing);
        Assert.Equal(TypingForm.Serology, position.Form);
        Assert.Equal(included, position.Alleles.Contains(allele));
    }

    [Theory]
    [InlineData(Locus.A, "01:01", 280)]
    [InlineData(Locus.Drb1, "04:01", 49)]
    [InlineData(Locus.A, "A*01:01", 280)]
    [InlineData(Locus.C, "Cw*01:02", 171)]
    [InlineData(Locus.Drb1, "DR4", 559)]
    public void Interpret_WhenLocusGiven_AcceptsTypingWithOrWithoutIt(Locus locus, string typing, int alleles) =>
        Assert.Equal(alleles, Nom.Interpret(locus, typing).Alleles.Length);

    [Theory]
    [InlineData("A*01:01:01:02N", true)]   // Allelelist: N suffix
    [InlineData("C*04:09N", true)]
    [InlineData("A*01:01:01:01/02N", false)]
    [InlineData("A*01:01", false)]         // 280 alleles, one null among them
    [InlineData("A*01:01N", true)]         // only the null alleles starting A*01:01 (the P reduction's own name)
    [InlineData("A*24:02:01:02L", false)]  // L: expressed at low level, still expressing
    [InlineData("A*01:248Q", false)]
    public void Interpret_WhenNullAlleles_FlagsAllNullPositions(string typing, bool isNull)
    {
        var position = Nom.Interpret(typing);
        Assert.Equal(isNull, position.IsNull);
        Assert.Equal(isNull, position.PGroups.IsEmpty);
    }

    [Fact]
    public void Interpret_WhenSameTextTwice_ReturnsTheCachedInstance() =>
        Assert.Same(Nom.Interpret(Locus.A, "A*02:01"), Nom.Interpret(Locus.A, "A*02:01"));

    [Fact]
    public void Interpret_WhenBadTextTwice_FailsBothTimes()
    {
        Assert.Throws<HlaTypingException>(() => Nom.Interpret(Locus.A, "A*99:99"));
        var again = Assert.Throws<HlaTypingException>(() => Nom.Interpret(Locus.A, "A*99:99"));
        Assert.Equal("A*99:99", again.Token);
    }
}
