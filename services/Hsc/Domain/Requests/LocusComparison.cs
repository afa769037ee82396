using DonationRegistry.Hla;

namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>One locus of the confirmatory comparison: matches 0–2, whether both sides were typed there, the worse grade.</summary>
public sealed record LocusComparison(Locus Locus, int MatchCount, bool Typed, MatchGrade? Grade1, MatchGrade? Grade2);
