namespace DonationRegistry.FamilyCare.Application;

/// <summary>The service's calendar day: UTC stored, days counted in Asia/Shanghai (ARCHITECTURE.md section 3).</summary>
public sealed class CareClock(TimeProvider time)
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Shanghai).DateTime);
}
