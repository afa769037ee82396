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

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void MatchExplainer_WhenRandomReal3580Pairs_LocusCountsAgreeWithReference(int seed)
    {
        var random = new RandomRealTypings(seed, MatchingRelease.Nomenclature);
        var seen = new int[3];
        for (var i = 0; i < 10_000; i++)
        {
            var patient = random.Genotype();
            var donor = random.Genotype();
            var explained = MatchExplainer.Explain(patient, donor, MatchCriteria.EightOfTen, MatchingRelease.Grader).Match;
            foreach (var locus in Loci.All)
            {
                var expected = ReferenceMatcher.MatchCount(patient[locus], donor[locus]) ?? 2;
                Assert.True(expected == explained[locus].MatchCount,
                    $"pair {i}, {locus}: {patient[locus]?.First.Written}+{patient[locus]?.Second.Written} vs {donor[locus]?.First.Written}+{donor[locus]?.Second.Written}: reference {expected}, engine {explained[locus].MatchCount}");
                if (patient[locus] is not null && donor[locus] is not null) seen[expected]++;
            }
        }
        // The draw must exercise every outcome, or agreement proves little.
        Assert.All(seen, count => Assert.True(count > 100, $"match counts 0/1/2 seen {string.Join('/', seen)} times"));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Search_WhenRandomReal3580Pool_IncludesExactlyTheReferenceDonors(int seed)
    {
        // 50 patients × 200 donors = 10,000 pairs with real (partly ambiguous) typings, random criteria and filters.
        var random = new RandomRealTypings(seed, MatchingRelease.Nomenclature);
        var profiles = new RandomTypings(seed);
        var donors = Enumerable.Range(0, 200)
            .Select(i => new IndexedDonor(new Guid(i + 1, 9, 9, new byte[8]), random.Genotype(), profiles.Profile())).ToList();
        var index = DonorIndex.Build(donors, MatchingRelease.Grader);
        var included = 0;
        for (var p = 0; p < 50; p++)
        {
            var patient = random.Genotype();
            var criteria = profiles.Criteria();
            var filter = profiles.Filter();

            var result = index.Search(new PatientSearch(patient, criteria, AsOf) { Filter = filter, PageSize = 1000 });

            var expected = donors.Where(d => ReferenceMatcher.Included(patient, d.Genotype, d.Profile, criteria, filter, AsOf))
                .Select(d => d.DonorId).Order().ToList();
            Assert.Equal(expected, result.Matches.Select(m => m.DonorId).Order().ToList());
            included += expected.Count;
        }
        Assert.True(included > 0, "the random pool should give some matches, or the test proves nothing");
    }
}
