using System.Globalization;

namespace DonationRegistry.SystemTests.Journeys;

/// <summary>
/// Dates as the services judge them: the calendar day in Asia/Shanghai (UTC+8, no daylight saving). The journeys run on the real
/// clock, so every date they send is today or earlier there.
/// </summary>
public static class ShanghaiDay
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Offset).DateTime);

    /// <summary>The first instant of <paramref name="day"/> in Shanghai.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
