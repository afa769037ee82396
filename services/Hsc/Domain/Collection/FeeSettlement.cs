namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Step 8: the fees settled: who pays, the total in fen and the day.</summary>
public sealed record FeeSettlement(string Payer, long TotalFen, DateOnly SettledOn);
