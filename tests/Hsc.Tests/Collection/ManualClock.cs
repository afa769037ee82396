namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>A TimeProvider the tests move by hand (only forward), given to the collection procedure's clock.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        }
        lock (_lock)
        {
            _now += by;
        }
    }

    /// <summary>Moves to <paramref name="at"/> when that is later (never back).</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        lock (_lock)
        {
            if (at > _now)
            {
                _now = at.ToUniversalTime();
            }
        }
    }
}
