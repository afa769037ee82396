using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using Xunit;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// DPB1 T-cell-epitope scoring with real 3.58.0 typings. TCE groups from dpb_tce.csv (V2 column): 01:01 → 3, 02:01 → 3,
/// 03:01 → 2, 04:01 → 3, 05:01 → 3, 06:01 → 2a (counted as 2), 09:01 → 1, 13:01 → 3, 14:01 → 2, 17:01 → 1. Rule: compare each
/// side's most immunogenic (lowest) group; equal → Permissive, donor lower → NonPermissiveHvG, patient lower → NonPermissiveGvH;
/// both positions matching by P group → Match; either side untyped → Unknown. DPB1 never counts as a mismatch.
/// </summary>
public class Dpb1TableTests
{
    [Theory]
    [InlineData("DPB1*05:01+DPB1*02:01", "DPB1*05:01+DPB1*02:01", "Match", 2)]
    [InlineData("DPB1*05:01+DPB1*02:01", "DPB1*02:01+DPB1*05:01", "Match", 2)]
    [InlineData("DPB1*05:01+DPB1*02:01", "DPB1*05:01+DPB1*04:01", "Permissive", 1)]
    [InlineData("DPB1*05:01+DPB1*02:01", "DPB1*13:01+DPB1*04:01", "Permissive", 0)]
    [InlineData("DPB1*05:01+DPB1*02:01", "DPB1*09:01+DPB1*05:01", "NonPermissiveHvG", 1)]
    [InlineData("DPB1*09:01+DPB1*05:01", "DPB1*05:01+DPB1*02:01", "NonPermissiveGvH", 1)]
    [InlineData("DPB1*03:01+DPB1*05:01", "DPB1*14:01+DPB1*04:01", "Permissive", 0)]
    [InlineData("DPB1*03:01+DPB1*05:01", "DPB1*17:01+DPB1*05:01", "NonPermissiveHvG", 1)]
    [InlineData("DPB1*03:01+DPB1*05:01", "DPB1*02:01+DPB1*04:01", "NonPermissiveGvH", 0)]
    [InlineData("DPB1*09:01+DPB1*17:01", "DPB1*09:01+DPB1*05:01", "Permissive", 1)]
    [InlineData("DPB1*06:01+DPB1*05:01", "DPB1*03:01+DPB1*04:01", "Permissive", 0)]
    [InlineData("DPB1*05:01+DPB1*02:01", "", "Unknown", 2)]
    [InlineData("", "DPB1*05:01+DPB1*02:01", "Unknown", 2)]
    public void Explain_WhenDpb1Typed_CategoryAsTabled(string patient, string donor, string category, int matchCount)
    {
        var patientGenotype = RealGenotypes.With((Locus.Dpb1, patient));
        var donorGenotype = RealGenotypes.With((Locus.Dpb1, donor));

        var explained = MatchExplainer.Explain(patientGenotype, donorGenotype, MatchCriteria.TenOfTen, MatchingRelease.Grader);

        Assert.Equal(Enum.Parse<Dpb1Category>(category), explained.Match.Dpb1);
        Assert.Equal(matchCount, explained.Match[Locus.Dpb1].MatchCount);
        Assert.False(explained.Match[Locus.Dpb1].Counted);
        Assert.True(explained.MeetsCriteria);
        Assert.Equal(0, explained.Match.MismatchCount);
    }

    [Fact]
    public void Search_WhenDonorsDifferOnlyInDpb1_RanksMatchThenPermissiveThenUnknownThenNonPermissive()
    {
        var patient = RealGenotypes.With((Locus.Dpb1, "DPB1*03:01+DPB1*05:01"));
        var index = new DonorIndex(MatchingRelease.Grader);
        var profile = DonorProfile.FromBirthYear(1990, DonorSex.Male, AboGroup.O, CmvStatus.Negative, "330200", true);
        var donors = new[]
        {
            (Id: new Guid(4, 0, 0, new byte[8]), Dpb1: "DPB1*17:01+DPB1*05:01"), // NonPermissiveHvG
            (Id: new Guid(3, 0, 0, new byte[8]), Dpb1: ""),                      // Unknown
            (Id: new Guid(2, 0, 0, new byte[8]), Dpb1: "DPB1*14:01+DPB1*04:01"), // Permissive
            (Id: new Guid(1, 0, 0, new byte[8]), Dpb1: "DPB1*05:01+DPB1*03:01"), // Match
        };
        foreach (var (id, dpb1) in donors) index.Upsert(id, RealGenotypes.With((Locus.Dpb1, dpb1)), profile);

        var result = index.Search(new PatientSearch(patient, MatchCriteria.TenOfTen, new DateOnly(2026, 11, 23)));

        Assert.Equal(
            [Dpb1Category.Match, Dpb1Category.Permissive, Dpb1Category.Unknown, Dpb1Category.NonPermissiveHvG],
            result.Matches.Select(m => m.Dpb1));
    }
}
