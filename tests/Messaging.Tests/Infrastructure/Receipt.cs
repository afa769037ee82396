namespace DonationRegistry.Messaging.Tests.Infrastructure;

/// <summary>A consumer's effect: one row per processed event.</summary>
public sealed class Receipt
{
    public long Id { get; set; }
    public Guid PledgeId { get; set; }
    public int Number { get; set; }
    public string Kind { get; set; } = "";
    public Guid MessageId { get; set; }
}
