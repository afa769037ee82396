namespace DonationRegistry.Messaging.Inbox;

/// <summary>
/// A message a consumer has processed, saved in the same transaction as the consumer's effect; its key (message ID, consumer name)
/// makes a redelivered message a no-op.
/// </summary>
public sealed class InboxMessage
{
    internal InboxMessage(Guid messageId, string consumerName, DateTimeOffset processedAt)
    {
        MessageId = messageId;
        ConsumerName = consumerName;
        ProcessedAt = processedAt;
    }

    /// <summary>MassTransit's MessageId of the processed message (the sender's outbox message ID).</summary>
    public Guid MessageId { get; private set; }

    /// <summary>The consumer that processed it (one message may be consumed by several consumers of the same service).</summary>
    public string ConsumerName { get; private set; }

    /// <summary>When it was processed (UTC).</summary>
    public DateTimeOffset ProcessedAt { get; internal set; }
}
