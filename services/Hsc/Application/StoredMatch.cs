using DonationRegistry.Common.PersonalData;
using DonationRegistry.Hla;
using Dpb1Category = DonationRegistry.Hla.Matching.Dpb1Category;
using LocusMatch = DonationRegistry.Hla.Matching.LocusMatch;
using DonationRegistry.Hsc.Domain.Donors;

namespace DonationRegistry.Hsc.Application;

/// <summary>One ranked donor of a stored search (JSON in searches.results), with the donor facts shown beside the match.</summary>
public sealed record StoredMatch(Guid DonorId, int Rank, int MismatchCount, IReadOnlyList<StoredLocus> Loci, Dpb1Category Dpb1,
    int BirthYear, Sex Sex, AboGroup Abo, CmvStatus Cmv);

/// <summary>One locus of a stored match.</summary>
public sealed record StoredLocus(Locus Locus, bool Typed, bool Counted, int MatchCount, MatchGrade? Grade1, MatchGrade? Grade2,
    MatchConfidence Confidence1, MatchConfidence Confidence2)
{
    public static StoredLocus From(LocusMatch match) => new(match.Locus, match.Typed, match.Counted, match.MatchCount, match.Grade1,
        match.Grade2, match.Confidence1, match.Confidence2);
}
