namespace DonationRegistry.Hla.Matching;

/// <summary>One page of a search.</summary>
/// <param name="TotalCount">How many searchable donors meet the criteria and filters.</param>
/// <param name="Matches">This page, best first.</param>
/// <param name="NextPageToken">Pass as <see cref="PatientSearch.PageToken"/> for the next page; null on the last page.</param>
public sealed record SearchResult(int TotalCount, IReadOnlyList<DonorMatch> Matches, string? NextPageToken);
