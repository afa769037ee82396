namespace DonationRegistry.Messaging.Tests.Infrastructure;

/// <summary>A clock the test sets.</summary>
internal sealed class FakeTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
