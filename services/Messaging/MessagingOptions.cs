namespace DonationRegistry.Messaging;

/// <summary>
/// Settings of a service's messaging, bound from the configuration section <c>Messaging</c> and then adjusted by the optional
/// delegate given to <see cref="MessagingExtensions.AddMessaging{TDbContext}"/>. The broker address is the connection string
/// <c>messaging</c> (<c>ConnectionStrings:messaging</c>, <c>amqp://user:password@host:port/vhost</c>).
/// </summary>
public sealed class MessagingOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Messaging";

    /// <summary>Name of the connection string holding the broker address.</summary>
    public const string ConnectionStringName = "messaging";

    /// <summary>
    /// Prefix of this service's queue names (kebab-case), so that two services consuming the same event get a queue each:
    /// <c>{ServiceName}-{consumer-name}</c>. Defaults to the last dot-separated part of the application name, kebab-cased.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>Intervals between in-process retries of a failing consumer; after the last one the message goes to <c>_error</c>.</summary>
    public IList<TimeSpan> RetryIntervals { get; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>How often the relay looks for unsent outbox rows when no commit has woken it (rows committed by other instances).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most outbox rows published in one relay transaction.</summary>
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>
    /// Longest wait for one publish (with broker confirmation). While the broker is unreachable MassTransit waits for a connection;
    /// this bounds the wait, the attempt counts as failed and the row is retried after a back-off.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First back-off after a failed publish; it doubles with every further failure of the same row.</summary>
    public TimeSpan PublishRetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the publish back-off.</summary>
    public TimeSpan PublishRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long sent outbox rows are kept (for diagnosis) before the cleaner deletes them.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long processed-message (inbox) rows are kept. A redelivery older than this would be processed again, so keep it well
    /// beyond any redelivery or replay window.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the cleaner runs.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most rows one cleaner statement deletes (it repeats until nothing is left to delete).</summary>
    public int CleanupBatchSize { get; set; } = 10_000;

    /// <summary>Messages a receive endpoint fetches ahead; 0 leaves MassTransit's default.</summary>
    public int PrefetchCount { get; set; }
}
