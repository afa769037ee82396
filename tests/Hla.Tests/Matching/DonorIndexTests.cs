using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using Xunit;

namespace DonationRegistry.Hla.Tests.Matching;

public class DonorIndexTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private const string Patient = "A=1+2;B=3+4;C=5+6;DRB1=7+8;DQB1=9+10";

    private static DonorProfile Profile(int birthYear = 1990, DonorSex sex = DonorSex.Male, bool searchable = true,
        AboGroup abo = AboGroup.O, CmvStatus cmv = CmvStatus.Negative, string region = "330200") =>
        DonorProfile.FromBirthYear(birthYear, sex, abo, cmv, region, searchable);

    private static SearchResult Search(DonorIndex index, MatchCriteria criteria, DonorFilter? filter = null, int pageSize = 20,
        string? token = null) =>
        index.Search(new PatientSearch(HandTypings.Genotype(Patient), criteria, Today)
        {
            Filter = filter ?? DonorFilter.None,
            PageSize = pageSize,
            PageToken = token,
        });

    [Theory]
    [InlineData("A=1+2;B=3+4;C=5+6;DRB1=7+8;DQB1=9+10", "10/10", true, 0)]
    [InlineData("A=2+1;B=4+3;C=6+5;DRB1=8+7;DQB1=10+9", "10/10", true, 0)]
    [InlineData("A=1+11;B=3+4;C=5+6;DRB1=7+8;DQB1=9+10", "10/10", false, 1)]
    [InlineData("A=1+11;B=3+4;C=5+6;DRB1=7+8;DQB1=9+10", "9/10", true, 1)]
    [InlineData("A=1+11;B=3+12;C=5+6;DRB1=7+8;DQB1=9+10", "9/10", false, 2)]
    [InlineData("A=1+11;B=3+12;C=5+6;DRB1=7+8;DQB1=9+10", "8/10", true, 2)]
    [InlineData("A=1+2;B=3+4;DRB1=7+8", "10/10", true, 0)]
    [InlineData("A=1+2;B=3+4;C=15+16;DRB1=7+8;DQB1=9+10", "6/6", true, 2)]
    [InlineData("A=1+2;B=3+4;C=15+16;DRB1=7+8;DQB1=9+10", "8/8", false, 2)]
    public void Search_WhenOneDonor_IncludesPerCriteria(string donor, string criteria, bool included, int mismatchesAtTenLoci)
    {
        var index = new DonorIndex();
        var id = Guid.NewGuid();
        index.Upsert(id, HandTypings.Genotype(donor), Profile());

        var result = Search(index, ParseCriteria(criteria));

        Assert.Equal(included ? 1 : 0, result.TotalCount);
        var explanation = MatchExplainer.Explain(HandTypings.Genotype(Patient), HandTypings.Genotype(donor), MatchCriteria.EightOfTen);
        Assert.Equal(mismatchesAtTenLoci, explanation.Match.MismatchCount);
        if (included) Assert.Equal(id, Assert.Single(result.Matches).DonorId);
    }

    [Fact]
    public void Upsert_WhenDonorRetyped_NextSearchSeesNewTypingOnly()
    {
        var index = new DonorIndex();
        var id = Guid.NewGuid();
        index.Upsert(id, HandTypings.Genotype("A=1+11;B=3+4;C=5+6;DRB1=7+8;DQB1=9+10"), Profile());
        Assert.Equal(0, Search(index, MatchCriteria.TenOfTen).TotalCount);

        index.Upsert(id, HandTypings.Genotype(Patient), Profile());

        Assert.Equal(1, Search(index, MatchCriteria.TenOfTen).TotalCount);
        Assert.Equal(1, Search(index, MatchCriteria.EightOfTen).TotalCount);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Remove_WhenDonorPresent_SearchNoLongerReturnsIt()
    {
        var index = new DonorIndex();
        var id = Guid.NewGuid();
        index.Upsert(id, HandTypings.Genotype(Patient), Profile());

        Assert.True(index.Remove(id));

        Assert.Equal(0, Search(index, MatchCriteria.TenOfTen).TotalCount);
        Assert.False(index.Remove(id));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Upsert_WhenNotSearchable_SearchSkipsDonor()
    {
        var index = new DonorIndex();
        index.Upsert(Guid.NewGuid(), HandTypings.Genotype(Patient), Profile(searchable: false));

        Assert.Equal(0, Search(index, MatchCriteria.TenOfTen).TotalCount);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Build_WhenIdRepeats_LastEntryWins()
    {
        var id = Guid.NewGuid();
        var index = DonorIndex.Build(
        [
            new IndexedDonor(id, HandTypings.Genotype(Patient), Profile()),
            new IndexedDonor(Guid.NewGuid(), HandTypings.Genotype(Patient), Profile()),
            new IndexedDonor(id, HandTypings.Genotype("A=11+12;B=3+4;DRB1=7+8"), Profile()),
        ]);

        Assert.Equal(2, index.Count);
        Assert.DoesNotContain(Search(index, MatchCriteria.TenOfTen).Matches, m => m.DonorId == id);
    }

    [Fact]
    public void Search_WhenPaging_PagesCoverTheRankedListOnce()
    {
        var donors = Enumerable.Range(0, 57).Select(i => new IndexedDonor(
            new Guid(i + 1, 0, 0, new byte[8]), HandTypings.Genotype(i % 3 == 0 ? Patient : "A=1+11;B=3+4;C=5+6;DRB1=7+8;DQB1=9+10"),
            Profile(1970 + i % 30, i % 2 == 0 ? DonorSex.Male : DonorSex.Female))).ToList();
        var index = DonorIndex.Build(donors);
        var all = Search(index, MatchCriteria.NineOfTen, pageSize: 100).Matches;

        var paged = new List<DonorMatch>();
        string? token = null;
        do
        {
            var page = Search(index, MatchCriteria.NineOfTen, pageSize: 10, token: token);
            paged.AddRange(page.Matches);
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(57, all.Count);
        Assert.Equal(all.Select(m => m.DonorId), paged.Select(m => m.DonorId));
        Assert.Equal(Enumerable.Range(1, 57), paged.Select(m => m.Rank));
        Assert.True(all.Take(19).All(m => m.MismatchCount == 0));
    }

    internal static MatchCriteria ParseCriteria(string text) => text switch
    {
        "6/6" => MatchCriteria.SixOfSix,
        "8/8" => MatchCriteria.EightOfEight,
        "10/10" => MatchCriteria.TenOfTen,
        "9/10" => MatchCriteria.NineOfTen,
        "8/10" => MatchCriteria.EightOfTen,
        _ => throw new ArgumentException(text),
    };

    [Fact]
    public void UpsertAndRemove_WhenManyDonorsChurn_CountAndContainsFollowTheLastWrite()
    {
        // Enough donors to make the id map grow several times and reuse removed entries.
        var index = new DonorIndex();
        var genotype = HandTypings.Genotype(Patient);
        var ids = Enumerable.Range(1, 5000).Select(i => new Guid(i, 3, 3, new byte[8])).ToArray();
        foreach (var id in ids) index.Upsert(id, genotype, Profile());
        foreach (var id in ids.Where((_, i) => i % 3 == 0)) Assert.True(index.Remove(id));
        foreach (var id in ids.Where((_, i) => i % 6 == 0)) index.Upsert(id, genotype, Profile());
        foreach (var id in ids.Where((_, i) => i % 5 == 0)) index.Upsert(id, genotype, Profile());

        var expected = ids.Where((_, i) => i % 3 != 0 || i % 6 == 0 || i % 5 == 0).ToHashSet();
        Assert.Equal(expected.Count, index.Count);
        Assert.All(ids, id => Assert.Equal(expected.Contains(id), index.Contains(id)));
        var found = Search(index, MatchCriteria.TenOfTen, pageSize: 10_000).Matches.Select(m => m.DonorId).ToHashSet();
        Assert.True(expected.SetEquals(found));
    }

    [Fact]
    public void Upsert_WhenDonorUnchanged_UsesNoNewSlot()
    {
        var index = new DonorIndex();
        var id = Guid.NewGuid();
        index.Upsert(id, HandTypings.Genotype(Patient), Profile());

        index.Upsert(id, HandTypings.Genotype(Patient), Profile());
        index.Upsert(id, HandTypings.Genotype(Patient), Profile());
        var unchanged = index.SlotCount;
        index.Upsert(id, HandTypings.Genotype(Patient), Profile(searchable: false));

        Assert.Equal(1, unchanged);
        Assert.Equal(2, index.SlotCount);
        Assert.Equal(0, Search(index, MatchCriteria.TenOfTen).TotalCount);
    }

    [Theory]
    [InlineData("B=3+4;DRB1=7+8", null, null)]
    [InlineData("A=1+2;DRB1=7+8", null, null)]
    [InlineData("A=1+2;B=3+4", null, null)]
    [InlineData(Patient, 0, null)]
    [InlineData(Patient, 100_001, null)]
    [InlineData(Patient, 20, "next")]
    [InlineData(Patient, 20, "-5")]
    public void Search_WhenRequestInvalid_ThrowsArgumentException(string patient, int? pageSize, string? token)
    {
        var index = new DonorIndex();
        index.Upsert(Guid.NewGuid(), HandTypings.Genotype(Patient), Profile());
        var request = new PatientSearch(HandTypings.Genotype(patient), MatchCriteria.TenOfTen, Today)
        {
            PageSize = pageSize ?? 20,
            PageToken = token,
        };

        Assert.Throws<ArgumentException>(() => index.Search(request));
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(-1, 2)]
    [InlineData(2, 3)]
    [InlineData(2, -1)]
    public void Search_WhenCriteriaOutOfRange_ThrowsArgumentException(int total, int perLocusA)
    {
        var index = new DonorIndex();
        var criteria = MatchCriteria.TenOfTen with { MaxTotalMismatches = total, MaxMismatchesA = perLocusA };

        Assert.Throws<ArgumentException>(() => index.Search(new PatientSearch(HandTypings.Genotype(Patient), criteria, Today)));
    }
}
