namespace DonationRegistry.Registration.Infrastructure;

/// <summary>The last registration-number sequence used per region and year (incremented atomically in SQL).</summary>
public sealed class NumberCounter
{
    public string RegionCode { get; set; } = "";
    public int Year { get; set; }
    public long Last { get; set; }
}
