namespace DonationRegistry.Registration.Application;

/// <summary>Length of a statistics period (calendar periods in Asia/Shanghai).</summary>
public enum StatisticsPeriod
{
    Day = 1,
    Month = 2,
    Year = 3,
}
