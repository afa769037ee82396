using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>Position grades, confidences and DPB1 TCE groups against release 3.58.0.</summary>
public class GradeTests
{
    private static HlaNomenclature Nom => Nomenclatures.V3580;

    [Theory]
    [InlineData("A*01:01:01:01", "A*01:01:01:01", MatchGrade.GDna, MatchConfidence.Definite)]  // Allele_status:8 Full gDNA
    [InlineData("A*01:02:02", "A*01:02:02", MatchGrade.CDna, MatchConfidence.Definite)]        // Allele_status: Full cDNA
    [InlineData("A*01:01:01:01", "A*01:01:01:03", MatchGrade.Protein, MatchConfidence.Definite)]
    [InlineData("A*01:01:01:01", "A*01:248Q", MatchGrade.GGroup, MatchConfidence.Definite)]     // both in A*01:01:01G (hla_nom_g:7)
    [InlineData("A*02:01:01:01", "A*02:09:01:01", MatchGrade.GGroup, MatchConfidence.Definite)]  // both in A*02:01:01G (hla_nom_g:520)
    [InlineData("A*02:01:01:01", "A*02:891", MatchGrade.PGroup, MatchConfidence.Definite)]      // A*02:01P (hla_nom_p:333), G groups differ
    [InlineData("A*01:01:01:01", "A*02:01:01:01", MatchGrade.Mismatch, MatchConfidence.Mismatch)]
    [InlineData("A*01:01:01:01", "A*01:11N", MatchGrade.ExpressingVsNull, MatchConfidence.Mismatch)]
    [InlineData("A*01:11N", "A*01:01:01:01", MatchGrade.ExpressingVsNull, MatchConfidence.Mismatch)]
    [InlineData("A*01:11N", "A*01:11N", MatchGrade.GDna, MatchConfidence.Definite)]             // Allele_status:305 Full gDNA
    [InlineData("A*01:04:01:01N", "A*01:04:01:02N", MatchGrade.GGroup, MatchConfidence.Mismatch)] // two nulls of one G group
    [InlineData("A*01:01", "A*01:01:01:03", MatchGrade.GDna, MatchConfidence.Exact)]           // best pair: the same allele
    [InlineData("A*01:01P", "A*01:01:01:03", MatchGrade.GDna, MatchConfidence.Exact)]
    [InlineData("A*01:01:01G", "A*01:01:01:03", MatchGrade.GDna, MatchConfidence.Exact)]
    [InlineData("A*01:01", "A*01:02", MatchGrade.Mismatch, MatchConfidence.Mismatch)]
    [InlineData("A*01:XX", "A*01:01:01:01", MatchGrade.GDna, MatchConfidence.Potential)]
    [InlineData("A*01:AB", "A*01:02:01:01", MatchGrade.GDna, MatchConfidence.Potential)]
    [InlineData("A*01:01/A*02:01", "A*02:01", MatchGrade.GDna, MatchConfidence.Potential)]
    [InlineData("A*0201", "A*02:01:01:01", MatchGrade.GDna, MatchConfidence.Exact)]
    [InlineData("A1", "A*01:01:01:01", MatchGrade.Split, MatchConfidence.Potential)]         // A1: neither broad, split nor associated
    [InlineData("A9", "A*24:02:01:01", MatchGrade.Broad, MatchConfidence.Potential)]         // rel_ser_ser A;9;23/24
    [InlineData("A24", "A*24:02:01:01", MatchGrade.Split, MatchConfidence.Potential)]
    [InlineData("A24", "A*24:03:01:01", MatchGrade.Associated, MatchConfidence.Potential)]   // rel_ser_ser A;24;;2403
    [InlineData("A2403", "A*24:03:01:01", MatchGrade.Associated, MatchConfidence.Potential)]
    [InlineData("A9", "A*24:03:01:01", MatchGrade.Broad, MatchConfidence.Potential)]         // associated with a split of A9
    [InlineData("A23", "A*24:02:01:01", MatchGrade.Mismatch, MatchConfidence.Mismatch)]
    [InlineData("A23", "A24", MatchGrade.Mismatch, MatchConfidence.Mismatch)]
    [InlineData("A9", "A9", MatchGrade.Broad, MatchConfidence.Potential)]
    [InlineData("A9", "A23", MatchGrade.Broad, MatchConfidence.Potential)]
    [InlineData("A2", "A203", MatchGrade.Associated, MatchConfidence.Potential)]             // rel_ser_ser A;2;;203/210
    [InlineData("A203", "A210", MatchGrade.Mismatch, MatchConfidence.Mismatch)]
    [InlineData("A1", "A*01:11N", MatchGrade.ExpressingVsNull, MatchConfidence.Mismatch)]
    public void Grade_WhenPositionsOfLocusA_GivesBestPairGradeAndConfidence(string patient, string donor, MatchGrade grade, MatchConfidence confidence)
    {
        var p = Nom.Interpret(patient);
        var d = Nom.Interpret(donor);
        Assert.Equal(grade, Nom.Grade(p, d));
        Assert.Equal(confidence, Nom.Confidence(p, d));
    }

    [Theory]
    [InlineData("B5", "B*51:01:01:01", MatchGrade.Broad)]       // B;5;51/52
    [InlineData("B51", "B*51:02:01:01", MatchGrade.Associated)] // B;51;;5102/5103
    [InlineData("B21", "B*40:05:01:01", MatchGrade.Associated)] // B;21;49/50;4005: 4005 is associated with B21 itself
    [InlineData("B40", "B*40:01:02:01", MatchGrade.Broad)]      // B;40;60/61; rel_dna_ser:13952 → 60
    [InlineData("B15", "B*15:01:01:01", MatchGrade.Broad)]      // B62
    [InlineData("B62", "B*15:01:01:01", MatchGrade.Split)]
    [InlineData("B70", "B*15:01:01:01", MatchGrade.PGroup)]     // B70 covers B*15:104 (rel_dna_ser:10740 assumed 15/70), in B*15:01P
    [InlineData("B70", "B*07:02:01:01", MatchGrade.Mismatch)]
    [InlineData("Cw3", "C*03:04:01:01", MatchGrade.Broad)]      // Cw;3;9/10
    [InlineData("Cw10", "C*03:04:01:01", MatchGrade.Split)]
    [InlineData("DR3", "DRB1*03:01:01:01", MatchGrade.Broad)]   // DR;3;17/18
    [InlineData("DR17", "DRB1*03:01:01:01", MatchGrade.Split)]
    [InlineData("DR14", "DRB1*14:03:01", MatchGrade.Associated)] // DR;14;;1403/1404
    [InlineData("DR1", "DRB1*01:03:01:01", MatchGrade.Associated)] // DR;1;;103
    [InlineData("DQ3", "DQB1*03:02:01:01", MatchGrade.Broad)]   // DQ;3;7/8/9
    [InlineData("DQ8", "DQB1*03:02:01:01", MatchGrade.Split)]
    [InlineData("DQ7", "DQB1*03:02:01:01", MatchGrade.Mismatch)]
    [InlineData("B*51:01:01:01", "B5", MatchGrade.Broad)]       // the same, donor serology
    [InlineData("Cw1", "C*14:11", MatchGrade.PGroup)]           // rel_dna_ser:26061 C*14:11 "?", in C*14:02P (hla_nom_p:12242) with C*14:02:01:01 (expert 1)
    [InlineData("Cw7", "C*14:11", MatchGrade.Mismatch)]
    public void Grade_WhenEitherSideSerology_UsesSerologyGrades(string patient, string donor, MatchGrade grade) =>
        Assert.Equal(grade, Nom.Grade(Nom.Interpret(patient), Nom.Interpret(donor)));

    [Fact]
    public void Grade_WhenLociDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => Nom.Grade(Nom.Interpret("A*01:01"), Nom.Interpret("B*07:02")));

    // dpb_tce.csv (line cited): V2 assignment, else V1; null alleles (0) have none.
    [Theory]
    [InlineData("DPB1*04:01:01:01", 3)]  // line 318
    [InlineData("DPB1*01:01:01:01", 3)]  // line 8
    [InlineData("DPB1*03:01:01:01", 2)]  // line 252
    [InlineData("DPB1*09:01:01:01", 1)]  // line 734
    [InlineData("DPB1*06:01:01:01", 2)]  // V1 3, V2 2a
    [InlineData("DPB1*30:01:01:01", 1)]  // V1 empty, V2 1$ (predicted)
    [InlineData("DPB1*1000:01", 2)]      // line 2030
    [InlineData("HLA-DPB1*04:01:01:01", 3)]
    [InlineData("DPB1*04:01", 3)]        // by protein
    [InlineData("DPB1*1202:01N", null)]  // line 2236: 0
    [InlineData("DPB1*9999:99", null)]   // not listed
    public void TceGroup_WhenAllele_ReadsTheTceFile(string allele, int? group) =>
        Assert.Equal(group, Nom.TceGroup(allele));

    [Theory]
    [InlineData("DPB1*04:01", 3)]        // 260 alleles with 3, one null (0): nulls are passed over
    [InlineData("DPB1*03:01", 2)]
    [InlineData("DPB1*04:01/DPB1*03:01", null)]
    [InlineData("DPB1*04:01:01:01", 3)]
    public void TceGroup_WhenPosition_IsTheGroupAllCandidatesShare(string typing, int? group) =>
        Assert.Equal(group, Nom.TceGroup(Nom.Interpret(Locus.Dpb1, typing)));

    [Fact]
    public void TceGroup_WhenNotDpb1_IsNull() => Assert.Null(Nom.TceGroup(Nom.Interpret("A*01:01")));
}
