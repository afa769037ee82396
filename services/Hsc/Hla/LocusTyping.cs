namespace DonationRegistry.Hla;

/// <summary>The two typed positions at one locus (one per chromosome; order carries no meaning unless phased).</summary>
public sealed record LocusTyping(PositionTyping First, PositionTyping Second);
