namespace DonationRegistry.Messaging.Outbox;

/// <summary>
/// One integration event waiting in (or already relayed from) a service's transactional outbox: written in the same transaction as
/// the state change it announces, published later by <see cref="OutboxRelay{TDbContext}"/> in <see cref="SequenceNumber"/> order.
/// </summary>
public sealed class OutboxMessage
{
    internal OutboxMessage(Guid messageId, string messageType, string body, DateTimeOffset createdAt, string? traceParent)
    {
        MessageId = messageId;
        MessageType = messageType;
        Body = body;
        CreatedAt = createdAt;
        TraceParent = traceParent;
    }

    /// <summary>Publication order: an identity assigned by the database when the row is inserted.</summary>
    public long SequenceNumber { get; private set; }

    /// <summary>UUIDv7, sent as MassTransit's MessageId; consumers' inboxes deduplicate on it.</summary>
    public Guid MessageId { get; private set; }

    /// <summary>The event's CLR type as <c>Full.Type.Name, AssemblyName</c>.</summary>
    public string MessageType { get; private set; }

    /// <summary>The event serialised as JSON.</summary>
    public string Body { get; private set; }

    /// <summary>When the event was enqueued (UTC, from the service's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>When the broker confirmed the publication; null while unsent.</summary>
    public DateTimeOffset? SentAt { get; internal set; }

    /// <summary>Publication attempts so far (successful or not).</summary>
    public int Attempts { get; internal set; }

    /// <summary>Earliest time of the next attempt after a failure; null means as soon as possible.</summary>
    public DateTimeOffset? NextAttemptAt { get; internal set; }

    /// <summary>The error of the last failed attempt.</summary>
    public string? LastError { get; internal set; }

    /// <summary>
    /// W3C trace context of the operation that raised the event, so the publication (and the consumers) continue that trace even
    /// though the relay publishes later, on another thread.
    /// </summary>
    public string? TraceParent { get; private set; }
}
