namespace DonationRegistry.Hla.Matching;

/// <summary>One patient/donor pair scored outside any index (ExplainMatch, the <c>hla match</c> tool).</summary>
/// <param name="Match">The scored detail (rank 1).</param>
/// <param name="MeetsCriteria">Whether a search with the criteria would return this donor (HLA only; no donor filters).</param>
public sealed record MatchExplanation(DonorMatch Match, bool MeetsCriteria);
