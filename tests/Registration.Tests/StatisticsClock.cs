namespace DonationRegistry.Registration.Tests;

/// <summary>
/// The statistics tests' clock: real time moved by an offset the test sets, so the service believes it is a chosen day (timers stay
/// real, so the host runs normally).
/// </summary>
public sealed class StatisticsClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Makes "now" <paramref name="at"/> (it then runs on from there).</summary>
    public void Set(DateTimeOffset at) => Volatile.Write(ref _offsetTicks, (at - DateTimeOffset.UtcNow).Ticks);

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + TimeSpan.FromTicks(Volatile.Read(ref _offsetTicks));
}
