using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using Xunit;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// One locus of a patient/donor pair with real 3.58.0 typings → match count, the two grades, the two confidences and whether the
/// crossed pairing was chosen; checked through MatchExplainer and through a one-donor index search (which must agree). Facts
/// used (3.58.0): every four-field allele below is "Full,gDNA" in Allele_status.txt (so a shared one grades GDna); P and G groups
/// from hla_nom_p.txt / hla_nom_g.txt as commented; serological antigens of alleles from rel_dna_ser.txt, broad/split pairs from
/// rel_ser_ser.txt. Grades: "-" for an untyped locus.
/// </summary>
public class LocusMatchTableTests
{
    public static TheoryData<string, string, string, int, string, string, bool> Cases => new()
    {
        // --- A: patient A*02:07:01:01 (A*02:07P) + A*11:01:01:01 (A*11:01P)
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*02:07:01:01+A*11:01:01:01", 2, "GDna,GDna", "Definite,Definite", false },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*11:01:01:01+A*02:07:01:01", 2, "GDna,GDna", "Definite,Definite", true },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*02:07:01:01+A*24:02:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", false },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*24:02:01:01+A*02:07:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", true },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*24:02:01:01+A*33:03:01:01", 0, "Mismatch,Mismatch", "Mismatch,Mismatch", false },
        // homozygous donor: one of the two patient positions cannot be matched
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*02:07:01:01+A*02:07:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", false },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*11:01:01:01+A*11:01:01:01", 1, "Mismatch,GDna", "Mismatch,Definite", false },
        // homozygous patient
        { "A", "A*11:01:01:01+A*11:01:01:01", "A*11:01:01:01+A*02:07:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", false },
        { "A", "A*11:01:01:01+A*11:01:01:01", "A*11:01:01:01+A*11:01:01:01", 2, "GDna,GDna", "Definite,Definite", false },
        // same protein A*01:01, different allele (A*01:01:02 is a three-field allele in A*01:01P, no G group)
        { "A", "A*01:01:01:01+A*11:01:01:01", "A*01:01:02+A*11:01:01:01", 2, "Protein,GDna", "Definite,Definite", false },
        // A*02:09:01:01 and A*02:01:01:01 are both in A*02:01:01G (hla_nom_g.txt): same G group, different protein
        { "A", "A*02:01:01:01+A*11:01:01:01", "A*02:09:01:01+A*11:01:01:01", 2, "GGroup,GDna", "Definite,Definite", false },
        // A*02:891 is in A*02:01P but not in A*02:01:01G: P group only
        { "A", "A*02:01:01:01+A*11:01:01:01", "A*02:891+A*11:01:01:01", 2, "PGroup,GDna", "Definite,Definite", false },
        // two-field typings stand for every allele of that protein, so they share the gDNA allele; one P group each → Exact
        { "A", "A*02:07+A*11:01", "A*02:07:01:01+A*11:01:01:01", 2, "GDna,GDna", "Exact,Exact", false },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*02:07+A*11:01", 2, "GDna,GDna", "Exact,Exact", false },
        // XX codes: many P groups → Potential
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*02:XX+A*11:XX", 2, "GDna,GDna", "Potential,Potential", false },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*24:XX+A*11:01:01:01", 1, "Mismatch,GDna", "Mismatch,Definite", false },
        { "A", "A*02:XX+A*11:XX", "A*02:07:01:01+A*11:01:01:01", 2, "GDna,GDna", "Potential,Potential", false },
        // serology: A*02:07:01:01 is A2 and A*11:01:01:01 is A11 (rel_dna_ser.txt); neither is a broad → same antigen grades Split
        { "A", "A*02:07:01:01+A*11:01:01:01", "A2+A11", 2, "Split,Split", "Potential,Potential", false },
        { "A", "A2+A11", "A*02:07:01:01+A*11:01:01:01", 2, "Split,Split", "Potential,Potential", false },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A11+A2", 2, "Split,Split", "Potential,Potential", true },
        // A*24:02:01:01 is A24, a split of the broad A9 (rel_ser_ser.txt: A9 → 23/24)
        { "A", "A*24:02:01:01+A*11:01:01:01", "A9+A11", 2, "Broad,Split", "Potential,Potential", false },
        { "A", "A*24:02:01:01+A*11:01:01:01", "A24+A11", 2, "Split,Split", "Potential,Potential", false },
        { "A", "A*02:07:01:01+A*11:01:01:01", "A24+A11", 1, "Mismatch,Split", "Mismatch,Potential", false },
        // null donor allele A*24:09N (rel_dna_ser antigen 0, no P group): the locus acts as homozygous for A*02:07:01:01
        { "A", "A*02:07:01:01+A*11:01:01:01", "A*02:07:01:01+A*24:09N", 1, "GDna,ExpressingVsNull", "Definite,Mismatch", false },
        { "A", "A*02:07:01:01+A*02:07:01:01", "A*02:07:01:01+A*24:09N", 2, "GDna,GDna", "Definite,Definite", false },
        { "A", "A*02:07:01:01+A*02:07:01:01", "A*24:09N+A*02:07:01:01", 2, "GDna,GDna", "Definite,Definite", false },
        // null patient allele
        { "A", "A*24:09N+A*11:01:01:01", "A*11:01:01:01+A*11:01:01:01", 2, "GDna,GDna", "Definite,Definite", false },
        { "A", "A*24:09N+A*11:01:01:01", "A*11:01:01:01+A*02:07:01:01", 1, "ExpressingVsNull,GDna", "Mismatch,Definite", true },
        { "A", "A*24:09N+A*11:01:01:01", "A*24:09N+A*11:01:01:01", 2, "GDna,GDna", "Definite,Definite", false },

        // --- B: patient B*46:01:01:01 (B46) + B*40:01:02:01 (B60, a split of B40; P group B*40:01P)
        { "B", "B*46:01:01:01+B*40:01:02:01", "B*46:01:01:01+B*40:01:02:01", 2, "GDna,GDna", "Definite,Definite", false },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B*40:01:02:01+B*46:01:01:01", 2, "GDna,GDna", "Definite,Definite", true },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B*46:01:01:01+B*13:02:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", false },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B*13:02:01:01+B*46:01:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", true },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B*58:01:01:01+B*13:02:01:01", 0, "Mismatch,Mismatch", "Mismatch,Mismatch", false },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B*46:01+B*40:01", 2, "GDna,GDna", "Exact,Exact", false },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B*46:XX+B*40:XX", 2, "GDna,GDna", "Potential,Potential", false },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B46+B60", 2, "Split,Split", "Potential,Potential", false },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B46+B40", 2, "Split,Broad", "Potential,Potential", false },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B46+B13", 1, "Split,Mismatch", "Potential,Mismatch", false },
        { "B", "B*46:01:01:01+B*40:01:02:01", "B*46:01:01:01+B*46:01:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", false },
        { "B", "B*46:01:01:01+B*46:01:01:01", "B*46:01:01:01+B*58:01:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", false },

        // --- C: patient C*01:02:01:01 (C*01:02P) + C*07:02:01:01 (C*07:02P); C*04:09N is null (rel_dna_ser 0)
        { "C", "C*01:02:01:01+C*07:02:01:01", "C*01:02:01:01+C*07:02:01:01", 2, "GDna,GDna", "Definite,Definite", false },
        { "C", "C*01:02:01:01+C*07:02:01:01", "C*07:02:01:01+C*01:02:01:01", 2, "GDna,GDna", "Definite,Definite", true },
        { "C", "C*01:02:01:01+C*07:02:01:01", "C*03:04:01:01+C*08:01:01:01", 0, "Mismatch,Mismatch", "Mismatch,Mismatch", false },
        { "C", "C*01:02:01:01+C*07:02:01:01", "C*07:02:01:01+C*07:02:01:01", 1, "Mismatch,GDna", "Mismatch,Definite", false },
        { "C", "C*01:02:01:01+C*07:02:01:01", "C*01:02+C*07:02", 2, "GDna,GDna", "Exact,Exact", false },
        { "C", "C*01:02:01:01+C*07:02:01:01", "C*01:02:01:01+C*04:09N", 1, "GDna,ExpressingVsNull", "Definite,Mismatch", false },
        { "C", "C*01:02:01:01+C*07:02:01:01", "C*04:09N+C*01:02:01:01", 1, "GDna,ExpressingVsNull", "Definite,Mismatch", true },
        { "C", "C*01:02:01:01+C*01:02:01:01", "C*04:09N+C*01:02:01:01", 2, "GDna,GDna", "Definite,Definite", false },
        { "C", "C*01:02:01:01+C*07:02:01:01", "", 2, "-,-", "Potential,Potential", false },

        // --- DRB1: patient DRB1*09:01:02:01 (DR9) + DRB1*15:01:01:01 (DR15, a split of DR2)
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DRB1*09:01:02:01+DRB1*15:01:01:01", 2, "GDna,GDna", "Definite,Definite", false },
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DRB1*15:01:01:01+DRB1*09:01:02:01", 2, "GDna,GDna", "Definite,Definite", true },
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DRB1*09:01:02:01+DRB1*12:02:01:01", 1, "GDna,Mismatch", "Definite,Mismatch", false },
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DRB1*04:05:01:01+DRB1*12:02:01:01", 0, "Mismatch,Mismatch", "Mismatch,Mismatch", false },
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DRB1*09:01+DRB1*15:01", 2, "GDna,GDna", "Exact,Exact", false },
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DRB1*09:XX+DRB1*15:XX", 2, "GDna,GDna", "Potential,Potential", false },
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DR9+DR15", 2, "Split,Split", "Potential,Potential", false },
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DR9+DR2", 2, "Split,Broad", "Potential,Potential", false },
        { "DRB1", "DRB1*09:01:02:01+DRB1*15:01:01:01", "DRB1*09:01:02:01+DRB1*09:01:02:01", 1, "GDna,Mismatch", "Definite,Mismatch", false },

        // --- DQB1: patient DQB1*03:03:02:01 (DQ9, split of DQ3) + DQB1*06:01:01:01 (DQ6, split of DQ1)
        { "DQB1", "DQB1*03:03:02:01+DQB1*06:01:01:01", "DQB1*03:03:02:01+DQB1*06:01:01:01", 2, "GDna,GDna", "Definite,Definite", false },
        { "DQB1", "DQB1*03:03:02:01+DQB1*06:01:01:01", "DQB1*06:01:01:01+DQB1*03:03:02:01", 2, "GDna,GDna", "Definite,Definite", true },
        { "DQB1", "DQB1*03:03:02:01+DQB1*06:01:01:01", "DQB1*03:01:01:01+DQB1*06:01:01:01", 1, "Mismatch,GDna", "Mismatch,Definite", false },
        { "DQB1", "DQB1*03:03:02:01+DQB1*06:01:01:01", "DQB1*02:02:01:01+DQB1*03:01:01:01", 0, "Mismatch,Mismatch", "Mismatch,Mismatch", false },
        { "DQB1", "DQB1*03:03:02:01+DQB1*06:01:01:01", "DQB1*03:03+DQB1*06:01", 2, "GDna,GDna", "Exact,Exact", false },
        { "DQB1", "DQB1*03:03:02:01+DQB1*06:01:01:01", "DQ9+DQ6", 2, "Split,Split", "Potential,Potential", false },
        { "DQB1", "DQB1*03:03:02:01+DQB1*06:01:01:01", "DQ3+DQ1", 2, "Broad,Broad", "Potential,Potential", false },
        { "DQB1", "DQB1*03:03:02:01+DQB1*06:01:01:01", "", 2, "-,-", "Potential,Potential", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Explain_WhenLocusTypingsGiven_CountsGradesAndConfidencesAsTabled(string locusName, string patient, string donor,
        int matchCount, string grades, string confidences, bool crossed)
    {
        var locus = RealGenotypes.ParseLocus(locusName);
        var patientGenotype = RealGenotypes.With((locus, patient));
        var donorGenotype = RealGenotypes.With((locus, donor));

        var explained = MatchExplainer.Explain(patientGenotype, donorGenotype, MatchCriteria.EightOfTen, MatchingRelease.Grader).Match[locus];

        var expectedGrades = grades.Split(',').Select(g => g == "-" ? (MatchGrade?)null : Enum.Parse<MatchGrade>(g)).ToArray();
        var expectedConfidences = confidences.Split(',').Select(Enum.Parse<MatchConfidence>).ToArray();
        Assert.Equal(
            (matchCount, expectedGrades[0], expectedGrades[1], expectedConfidences[0], expectedConfidences[1], crossed),
            (explained.MatchCount, explained.Grade1, explained.Grade2, explained.Confidence1, explained.Confidence2, explained.Crossed));
        Assert.Equal(expectedConfidences.Max(), explained.Confidence);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Search_WhenLocusTypingsGiven_IndexScoresLikeExplainer(string locusName, string patient, string donor,
        int matchCount, string grades, string confidences, bool crossed)
    {
        _ = (grades, confidences, crossed);
        var locus = RealGenotypes.ParseLocus(locusName);
        var patientGenotype = RealGenotypes.With((locus, patient));
        var donorGenotype = RealGenotypes.With((locus, donor));
        var index = new DonorIndex(MatchingRelease.Grader);
        var id = Guid.NewGuid();
        index.Upsert(id, donorGenotype, DonorProfile.FromBirthYear(1990, DonorSex.Male, AboGroup.O, CmvStatus.Negative, "330200", true));
        var criteria = MatchCriteria.EightOfTen with { MaxTotalMismatches = 5 };

        var found = Assert.Single(index.Search(new PatientSearch(patientGenotype, criteria, new DateOnly(2026, 11, 23))).Matches);

        var explained = MatchExplainer.Explain(patientGenotype, donorGenotype, criteria, MatchingRelease.Grader).Match;
        Assert.Equal(matchCount, found[locus].MatchCount);
        Assert.Equal(explained.Loci, found.Loci);
        Assert.Equal(explained.Dpb1, found.Dpb1);
    }
}
