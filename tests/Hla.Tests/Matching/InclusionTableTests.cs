using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using Xunit;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// Whole donors against the base patient (<see cref="RealGenotypes.Base"/>) under a criteria → returned or not, and the mismatch
/// count over the counted loci. Donor loci not listed are as the patient's; "C=" means untyped.
/// </summary>
public class InclusionTableTests
{
    public static TheoryData<string, string, bool, int> Cases => new()
    {
        { "", "10/10", true, 0 },
        { "", "6/6", true, 0 },
        // one A mismatch (A*24:02 for A*11:01)
        { "A=A*02:07:01:01+A*24:02:01:01", "10/10", false, 1 },
        { "A=A*02:07:01:01+A*24:02:01:01", "9/10", true, 1 },
        { "A=A*02:07:01:01+A*24:02:01:01", "8/10", true, 1 },
        { "A=A*02:07:01:01+A*24:02:01:01", "6/6", false, 1 },
        { "A=A*02:07:01:01+A*24:02:01:01", "8/8", false, 1 },
        // one C mismatch: C does not count in 6/6
        { "C=C*01:02:01:01+C*08:01:01:01", "6/6", true, 0 },
        { "C=C*01:02:01:01+C*08:01:01:01", "8/8", false, 1 },
        { "C=C*01:02:01:01+C*08:01:01:01", "10/10", false, 1 },
        { "C=C*01:02:01:01+C*08:01:01:01", "9/10", true, 1 },
        // one DQB1 mismatch: DQB1 does not count in 8/8
        { "DQB1=DQB1*03:01:01:01+DQB1*06:01:01:01", "8/8", true, 0 },
        { "DQB1=DQB1*03:01:01:01+DQB1*06:01:01:01", "10/10", false, 1 },
        // untyped optional loci are potential matches; untyped required loci never match
        { "C=", "10/10", true, 0 },
        { "DQB1=", "10/10", true, 0 },
        { "C=;DQB1=", "10/10", true, 0 },
        { "A=", "8/10", false, 0 },
        { "DRB1=", "8/10", false, 0 },
        // two mismatches at one locus (homozygous A*24:02) vs the per-locus limit
        { "A=A*24:02:01:01+A*24:02:01:01", "8/10", true, 2 },
        { "A=A*24:02:01:01+A*24:02:01:01", "8/10 A≤1", false, 2 },
        { "A=A*02:07:01:01+A*24:02:01:01", "8/10 A≤1", true, 1 },
        { "A=A*02:07:01:01+A*24:02:01:01", "8/10 A≤0", false, 1 },
        // mismatches spread over loci
        { "A=A*02:07:01:01+A*24:02:01:01;B=B*46:01:01:01+B*13:02:01:01", "8/10", true, 2 },
        { "A=A*02:07:01:01+A*24:02:01:01;B=B*46:01:01:01+B*13:02:01:01", "9/10", false, 2 },
        { "A=A*02:07:01:01+A*24:02:01:01;B=B*46:01:01:01+B*13:02:01:01;DRB1=DRB1*09:01:02:01+DRB1*12:02:01:01", "8/10", false, 3 },
        { "DRB1=DRB1*09:01:02:01+DRB1*12:02:01:01", "9/10", true, 1 },
        { "DRB1=DRB1*09:01:02:01+DRB1*12:02:01:01", "10/10", false, 1 },
        // legacy donors: serology and XX codes that cover the patient's alleles are potential matches
        { "A=A2+A11", "10/10", true, 0 },
        { "A=A*02:XX+A*11:XX;B=B*46:XX+B*40:XX", "10/10", true, 0 },
        { "B=B46+B40", "10/10", true, 0 },
        { "B=B46+B61", "10/10", false, 1 },
        { "DRB1=DR9+DR2", "10/10", true, 0 },
        // crossed orientation counts as a match
        { "A=A*11:01:01:01+A*02:07:01:01;DRB1=DRB1*15:01:01:01+DRB1*09:01:02:01", "10/10", true, 0 },
        // null allele: C*04:09N + C*01:02 acts as homozygous C*01:02 → one C mismatch
        { "C=C*04:09N+C*01:02:01:01", "10/10", false, 1 },
        { "C=C*04:09N+C*01:02:01:01", "9/10", true, 1 },
        { "C=C*04:09N+C*01:02:01:01", "6/6", true, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Search_WhenDonorAndCriteria_ReturnsDonorAsTabled(string donor, string criteria, bool included, int mismatches)
    {
        var donorGenotype = RealGenotypes.With([.. Parse(donor)]);
        var patient = RealGenotypes.With();
        var matchCriteria = Criteria(criteria);
        var index = new DonorIndex(MatchingRelease.Grader);
        var id = Guid.NewGuid();
        index.Upsert(id, donorGenotype, DonorProfile.FromBirthYear(1990, DonorSex.Female, AboGroup.A, CmvStatus.Positive, "330100", true));

        var result = index.Search(new PatientSearch(patient, matchCriteria, new DateOnly(2026, 11, 23)));
        var explained = MatchExplainer.Explain(patient, donorGenotype, matchCriteria, MatchingRelease.Grader);

        Assert.Equal(included, result.TotalCount == 1);
        Assert.Equal(included, explained.MeetsCriteria);
        Assert.Equal(mismatches, explained.Match.MismatchCount);
        if (included) Assert.Equal(mismatches, Assert.Single(result.Matches).MismatchCount);
    }

    private static IEnumerable<(Locus, string)> Parse(string donor) =>
        donor.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => (RealGenotypes.ParseLocus(part[..part.IndexOf('=')]), part[(part.IndexOf('=') + 1)..]));

    private static MatchCriteria Criteria(string text)
    {
        var parts = text.Split(' ');
        var criteria = DonorIndexTests.ParseCriteria(parts[0]);
        return parts.Length == 1 ? criteria : criteria with { MaxMismatchesA = int.Parse(parts[1][^1..], System.Globalization.CultureInfo.InvariantCulture) };
    }
}
