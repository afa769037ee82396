namespace DonationRegistry.Portal.Infrastructure;

/// <summary>The audit viewer's date filters are whole days in the registry's zone (Asia/Shanghai, UTC+8 all year).</summary>
public static class AuditDays
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The instant <paramref name="day"/> begins in Asia/Shanghai.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
