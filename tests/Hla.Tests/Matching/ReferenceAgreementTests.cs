using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using Xunit;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>The engine agrees with <see cref="ReferenceMatcher"/> on random pairs (seeded, so a failure reproduces).</summary>
public class ReferenceAgreementTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MatchExplainer_WhenRandomHandMadePairs_LocusCountsAgreeWithReference(int seed)
    {
        var random = new RandomTypings(seed);
        for (var i = 0; i < 10_000; i++)
        {
            var patient = random.Genotype();
            var donor = random.Genotype();
            var explained = MatchExplainer.Explain(patient, donor, MatchCriteria.EightOfTen).Match;
            foreach (var locus in Loci.All)
            {
                var expected = ReferenceMatcher.MatchCount(patient[locus], donor[locus]) ?? 2;
                Assert.True(expected == explained[locus].MatchCount, $"pair {i}, {locus}: reference {expected}, engine {explained[locus].MatchCount}");
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Search_WhenRandomHandMadePool_IncludesExactlyTheReferenceDonors(int seed)
    {
        // 50 patients × 200 donors = 10,000 pairs, each patient with random criteria and filters.
        var random = new RandomTypings(seed);
        var donors = Enumerable.Range(0, 200)
            .Select(i => new IndexedDonor(new Guid(i + 1, 7, 7, new byte[8]), random.Genotype(), random.Profile())).ToList();
        var index = DonorIndex.Build(donors);
        for (var p = 0; p < 50; p++)
        {
            var patient = random.Genotype();
            if (patient[Locus.A] is null || patient[Locus.B] is null || patient[Locus.Drb1] is null) continue;
            var criteria = random.Criteria();
            var filter = random.Filter();

            var result = index.Search(new PatientSearch(patient, criteria, AsOf) { Filter = filter, PageSize = 1000 });

            var expected = donors.Where(d => ReferenceMatcher.Included(patient, d.Genotype, d.Profile, criteria, filter, AsOf))
                .Select(d => d.DonorId).Order().ToList();
            Assert.Equal(expected, result.Matches.Select(m => m.DonorId).Order().ToList());
            Assert.Equal(expected.Count, result.TotalCount);
            foreach (var match in result.Matches)
            {
                var donor = donors.First(d => d.DonorId == match.DonorId);
                foreach (var locus in Loci.All)
                {
                    Assert.Equal(ReferenceMatcher.MatchCount(patient[locus], donor.Genotype[locus]) ?? 2, match[locus].MatchCount);
                }
            }
        }
    }
}
