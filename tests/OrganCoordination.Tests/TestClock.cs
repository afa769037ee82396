namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// The clocked service's clock: "now" stands still where the test puts it and moves only when told (timers and stopwatches stay
/// real, so the host runs normally; token lifetimes are validated on the real clock).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _nowTicks = DateTimeOffset.UtcNow.UtcTicks;

    /// <summary>Makes "now" <paramref name="at"/>.</summary>
    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _nowTicks, at.UtcTicks);

    /// <summary>Moves "now" on by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _nowTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _nowTicks), TimeSpan.Zero);
}
