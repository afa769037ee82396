namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Days are Asia/Shanghai days (UTC+8, no daylight saving): what "today" means to the users.</summary>
public static class ShanghaiDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The first moment of <paramref name="day"/> in Shanghai.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
