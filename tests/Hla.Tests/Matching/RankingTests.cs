using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using Xunit;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// Ranking: fewer mismatches, then better confidence, then better grades, then DPB1, then younger, male, ABO-identical and
/// CMV-same (when the patient's are given), then donor id. Each case puts two donors in an index; the first must rank first.
/// Hand-made typings: "3!" is a single allele, "3,4" an ambiguous position (Potential).
/// </summary>
public class RankingTests
{
    private const string Patient = "A=1!+2!;B=3!+4!;C=5!+6!;DRB1=7!+8!;DQB1=9!+10!";

    [Theory]
    // fewer mismatches first, whatever else
    [InlineData(Patient + "", 1960, "F", "AB", "Positive", "A=1!+11!;B=3!+4!;C=5!+6!;DRB1=7!+8!;DQB1=9!+10!", 2000, "M", "O", "Negative")]
    // better confidence (Definite before Potential)
    [InlineData(Patient + "", 1960, "F", "AB", "Positive", "A=1,12+2!;B=3!+4!;C=5!+6!;DRB1=7!+8!;DQB1=9!+10!", 2000, "M", "O", "Negative")]
    // younger first
    [InlineData(Patient + "", 2000, "F", "AB", "Positive", Patient + "", 1990, "M", "O", "Negative")]
    // same birth date: male first
    [InlineData(Patient + "", 1990, "M", "AB", "Positive", Patient + "", 1990, "F", "O", "Negative")]
    // same age and sex: ABO identical with the patient (O) first
    [InlineData(Patient + "", 1990, "M", "O", "Positive", Patient + "", 1990, "M", "A", "Negative")]
    // then CMV the same as the patient's (Negative)
    [InlineData(Patient + "", 1990, "M", "O", "Negative", Patient + "", 1990, "M", "O", "Positive")]
    public void Search_WhenTwoDonorsDiffer_BetterRanksFirst(string better, int betterBorn, string betterSex, string betterAbo,
        string betterCmv, string worse, int worseBorn, string worseSex, string worseAbo, string worseCmv)
    {
        var index = new DonorIndex();
        // The worse donor gets the smaller id, so only the rule under test can put the better one first.
        var worseId = new Guid(1, 0, 0, new byte[8]);
        var betterId = new Guid(2, 0, 0, new byte[8]);
        index.Upsert(worseId, HandTypings.Genotype(worse), Profile(worseBorn, worseSex, worseAbo, worseCmv));
        index.Upsert(betterId, HandTypings.Genotype(better), Profile(betterBorn, betterSex, betterAbo, betterCmv));

        var result = index.Search(new PatientSearch(HandTypings.Genotype(Patient), MatchCriteria.EightOfTen, new DateOnly(2026, 11, 23))
        {
            PatientAbo = AboGroup.O,
            PatientCmv = CmvStatus.Negative,
        });

        Assert.Equal([betterId, worseId], result.Matches.Select(m => m.DonorId));
    }

    [Fact]
    public void Search_WhenDonorsEqual_DonorIdDecides()
    {
        var index = new DonorIndex();
        var ids = Enumerable.Range(1, 5).Select(i => new Guid(6 - i, 0, 0, new byte[8])).ToList();
        foreach (var id in ids) index.Upsert(id, HandTypings.Genotype(Patient), Profile(1990, "M", "O", "Negative"));

        var result = index.Search(new PatientSearch(HandTypings.Genotype(Patient), MatchCriteria.TenOfTen, new DateOnly(2026, 11, 23)));

        Assert.Equal(ids.Order(), result.Matches.Select(m => m.DonorId));
    }

    [Theory]
    [InlineData(18, 60, 5)]
    [InlineData(30, 40, 4)]
    [InlineData(36, 39, 1)]
    [InlineData(41, 60, 0)]
    [InlineData(36, 36, 1)]
    [InlineData(37, 60, 1)]
    public void Search_WhenAgeRange_CountsDonorsByAgeOnTheAsOfDate(int minAge, int maxAge, int expected)
    {
        // Born 2000-11-24, 1995-11-23, 1990-11-23, 1990-11-24, 1985-11-24 → on 2026-11-23: 25, 31, 36, 35, 40 (a birthday on the as-of date counts).
        var index = new DonorIndex();
        DateOnly[] births = [new(2000, 11, 24), new(1995, 11, 23), new(1990, 11, 23), new(1990, 11, 24), new(1985, 11, 24)];
        var i = 0;
        foreach (var birth in births)
        {
            index.Upsert(new Guid(++i, 0, 0, new byte[8]), HandTypings.Genotype(Patient),
                new DonorProfile(birth, DonorSex.Male, AboGroup.O, CmvStatus.Negative, "", true));
        }

        var result = index.Search(new PatientSearch(HandTypings.Genotype(Patient), MatchCriteria.TenOfTen, new DateOnly(2026, 11, 23))
        {
            Filter = new DonorFilter { MinAge = minAge, MaxAge = maxAge },
        });

        Assert.Equal(expected, result.TotalCount);
    }

    private static DonorProfile Profile(int born, string sex, string abo, string cmv) => DonorProfile.FromBirthYear(
        born, sex == "M" ? DonorSex.Male : DonorSex.Female, Enum.Parse<AboGroup>(abo), Enum.Parse<CmvStatus>(cmv), "330200", true);
}
