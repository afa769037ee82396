namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>One cost item, in fen (分); <see cref="UnitFen"/> may not exceed the city's fee standard for the year.</summary>
public sealed record FeeItem(FeeCategory Category, string Description, int Quantity, long UnitFen, string RecordedBy, DateTimeOffset RecordedAt)
{
    public long AmountFen => Quantity * UnitFen;
}
