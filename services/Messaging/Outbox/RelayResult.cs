namespace DonationRegistry.Messaging.Outbox;

/// <summary>Outcome of one relay batch: rows published, and when the head row may be retried after a failure.</summary>
internal readonly record struct RelayResult(int Published, DateTimeOffset? RetryAt);
