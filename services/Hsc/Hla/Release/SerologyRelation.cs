namespace DonationRegistry.Hla;

/// <summary>One line of rel_ser_ser.txt: a serological antigen with its splits and associated antigens.</summary>
/// <param name="Antigen">The antigen with its serological locus, e.g. <c>A9</c>, <c>Cw3</c>, <c>DR14</c>.</param>
/// <param name="Splits">Its splits (so <see cref="Antigen"/> is a broad), e.g. <c>A23</c>, <c>A24</c>.</param>
/// <param name="Associated">Its associated antigens, e.g. <c>A203</c>, <c>A210</c> for <c>A2</c>.</param>
public sealed record SerologyRelation(string Antigen, IReadOnlyList<string> Splits, IReadOnlyList<string> Associated);
