namespace DonationRegistry.Portal.E2E;

/// <summary>The collection procedure's clock in the browser journey: the test moves it forward (admission, G-CSF days, the day-7
/// visit) as a real case's weeks would pass; the token clock and the Portal stay on real time.</summary>
public sealed class HscManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>The day in Asia/Shanghai (UTC+8 all year).</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>Moves to <paramref name="day"/> at <paramref name="hour"/>:00 Shanghai when that is later (never back).</summary>
    public void MoveTo(DateOnly day, int hour)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        lock (_lock)
        {
            if (at > _now)
            {
                _now = at;
            }
        }
    }
}
