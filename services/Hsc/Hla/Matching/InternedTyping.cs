namespace DonationRegistry.Hla.Matching;

/// <summary>One distinct position typing held by the index, with its P-group set as a plain array for the per-search masks.</summary>
internal sealed record InternedTyping(PositionTyping Typing, int[] PGroups);
