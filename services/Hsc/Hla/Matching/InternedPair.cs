namespace DonationRegistry.Hla.Matching;

/// <summary>
/// One distinct locus typing (two interned positions in the donor's order) held by the index. <see cref="Effective1"/> and
/// <see cref="Effective2"/> apply the null rule: a position whose every candidate is null takes the other position's typing.
/// </summary>
internal sealed record InternedPair(int Typing1, int Typing2, int Effective1, int Effective2, LocusTyping Typing);
