namespace DonationRegistry.Hsc.Domain.Tests;

/// <summary>A TimeProvider stopped at one instant, moved by the test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
