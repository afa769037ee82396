namespace DonationRegistry.Messaging.Tests.Infrastructure;

/// <summary>The aggregate whose changes raise events.</summary>
public sealed class Pledge
{
    public Guid Id { get; set; }
    public int Number { get; set; }
}
