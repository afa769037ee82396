using Google.Protobuf.WellKnownTypes;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Shows instants in the registry's time zone (Asia/Shanghai), whatever the server's zone is.</summary>
public sealed class PortalClock(TimeProvider time, string timeZoneId)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public string Format(Timestamp? at) => at is null ? "" : Format(at.ToDateTimeOffset());

    public string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public string FormatDate(Timestamp? at) =>
        at is null ? "" : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), _zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
