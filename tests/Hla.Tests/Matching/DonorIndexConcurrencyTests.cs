using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using Xunit;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// Searches running while a writer retypes donors back and forth never see a donor twice, never lose one, and never see a donor
/// half-updated: each donor is always either its full 10/10 typing or its full 8/10 typing, never a mix.
/// </summary>
public class DonorIndexConcurrencyTests
{
    private const string Patient = "A=1+2;B=3+4;C=5+6;DRB1=7+8;DQB1=9+10";
    private const string TwoMismatches = "A=1+11;B=3+12;C=5+6;DRB1=7+8;DQB1=9+10";

    [Fact]
    public async Task Search_WhenDonorsRetypedConcurrently_SeesEachDonorOnceAndWhole()
    {
        var profile = DonorProfile.FromBirthYear(1990, DonorSex.Male, AboGroup.O, CmvStatus.Negative, "330200", true);
        var ids = Enumerable.Range(1, 300).Select(i => new Guid(i, 1, 1, new byte[8])).ToArray();
        var index = DonorIndex.Build(ids.Select(id => new IndexedDonor(id, HandTypings.Genotype(Patient), profile)));
        var matching = HandTypings.Genotype(Patient);
        var mismatching = HandTypings.Genotype(TwoMismatches);
        var request = new PatientSearch(matching, MatchCriteria.EightOfTen, new DateOnly(2026, 11, 23)) { PageSize = 1000 };
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(() =>
        {
            for (var round = 0; round < 20; round++)
            {
                foreach (var id in ids) index.Upsert(id, round % 2 == 0 ? mismatching : matching, profile);
            }
            stop.Cancel();
        });
        var searches = 0;
        while (!stop.IsCancellationRequested || searches == 0)
        {
            var result = index.Search(request);
            Assert.Equal(ids.Length, result.TotalCount);
            Assert.Equal(ids.Length, result.Matches.Select(m => m.DonorId).Distinct().Count());
            Assert.All(result.Matches, m => Assert.True(m.MismatchCount is 0 or 2, $"donor {m.DonorId} seen half-updated ({m.MismatchCount})"));
            Assert.All(result.Matches, m => Assert.Equal(m.MismatchCount, m[Locus.A].MismatchCount + m[Locus.B].MismatchCount));
            searches++;
        }
        await writer;

        Assert.True(searches > 0);
        Assert.Equal(ids.Length, index.Count);
        Assert.All(index.Search(request).Matches, m => Assert.Equal(0, m.MismatchCount)); // the last round (19) restored the matching typing
    }
}
