using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DonationRegistry.Messaging.Outbox;

/// <summary>
/// Publishes the committed outbox rows of <typeparamref name="TDbContext"/> to the broker, in sequence order, and marks them sent.
/// </summary>
/// <remarks>
/// <para>Woken by <see cref="OutboxSignal{TDbContext}"/> right after a commit, and otherwise every
/// <see cref="MessagingOptions.OutboxPollInterval"/> (rows committed by another instance).</para>
/// <para>Each batch runs in one database transaction that first takes a transaction-scoped advisory lock (one relay per database at a
/// time, so several instances never publish concurrently and order holds), then reads the head of the unsent rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, publishes them (started in sequence order, confirmations awaited together, each bounded by
/// <see cref="MessagingOptions.PublishTimeout"/>) with the row's message ID as MassTransit's MessageId, and marks the confirmed ones
/// sent in the same transaction.</para>
/// <para>A failed publish records the error and postpones that row with an exponential back-off (capped); rows of the same batch the
/// broker confirmed stay sent, later batches wait behind it. Consumers never rely on order across messages (endpoints consume
/// concurrently; they are idempotent and accept events in any order). Delivery is at least once: a crash between publishing and
/// committing republishes the batch with the same message IDs, which the consumers' inboxes ignore.</para>
/// </remarks>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal<TDbContext> signal,
    MessagingOptions options,
    TimeProvider time,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    /// <summary>Header carrying the row's sequence number (diagnostics, order checks).</summary>
    public const string SequenceHeader = "DonationRegistry-OutboxSequence";

    // Key of the advisory lock (ASCII "OUTBOX"); advisory locks are per database, and each service has its own database.
    private const long RelayLockKey = 0x4F5554424F58;

    // Event types this relay has published at least once (their exchanges exist); only the relay's loop touches it.
    private readonly HashSet<string> _typesOnTheirWay = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? wait;
            try
            {
                var result = await RelayBatchAsync(stoppingToken);
                failures = 0;
                wait = result switch
                {
                    { Published: var n } when n >= options.OutboxBatchSize => TimeSpan.Zero,
                    { RetryAt: { } at } => Max(at - time.GetUtcNow(), TimeSpan.Zero),
                    _ => null,
                };
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable, the schema is not there yet, ...: try again later.
                failures++;
                LogRelayFailed(logger, ex, typeof(TDbContext).Name);
                wait = Backoff(failures);
            }

            try
            {
                if (wait is null)
                {
                    await signal.WaitAsync(options.OutboxPollInterval, time, stoppingToken);
                }
                else if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait.Value, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Publishes one batch of unsent rows.</summary>
    internal async Task<RelayResult> RelayBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RelayLockKey}) AS \"Value\"")
                .SingleAsync(ct);
            if (!locked)
            {
                return new RelayResult(0, null); // another instance is relaying this outbox
            }
            var rows = await db.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL
                    ORDER BY sequence_number
                    LIMIT {options.OutboxBatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            rows.Sort((a, b) => a.SequenceNumber.CompareTo(b.SequenceNumber));

            // The due head of the queue; a row waiting for its retry holds back the rows after it.
            var now = time.GetUtcNow();
            var due = rows.TakeWhile(r => r.NextAttemptAt is null || r.NextAttemptAt <= now).ToList();
            DateTimeOffset? retryAt = due.Count < rows.Count ? rows[due.Count].NextAttemptAt : null;

            // Publications are handed to the transport one after another in sequence order (the next starts once MassTransit has the
            // previous one in its send pipe), and the broker's confirmations are awaited together afterwards: awaiting each confirmation
            // in turn capped the relay at one round trip per event (~25 events/s on the loaded 2-core machine, seconds of end-to-end
            // latency in bench/Load). Started all at once, MassTransit sent them in reverse order; and the first event of a type (the
            // exchange is declared then) is awaited whole, or the next one overtook it.
            var publications = new List<(OutboxMessage Row, Task Publish)>(due.Count);
            foreach (var row in due)
            {
                var handedOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var publish = PublishAsync(row, handedOver, stoppingToken);
                await (_typesOnTheirWay.Contains(row.MessageType) ? Task.WhenAny(handedOver.Task, publish) : Task.WhenAny(publish));
                publications.Add((row, publish));
            }
            var published = 0;
            foreach (var (row, publish) in publications)
            {
                row.Attempts++;
                try
                {
                    await publish;
                    _typesOnTheirWay.Add(row.MessageType);
                    row.SentAt = time.GetUtcNow();
                    row.NextAttemptAt = null;
                    row.LastError = null;
                    published++;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    row.Attempts--; // shutting down: not a failure; keep what was sent
                }
                catch (Exception ex)
                {
                    var delay = Backoff(row.Attempts);
                    row.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
                    row.NextAttemptAt = time.GetUtcNow() + delay;
                    retryAt = retryAt is { } earlier && earlier < row.NextAttemptAt ? earlier : row.NextAttemptAt;
                    LogPublishFailed(logger, ex, row.SequenceNumber, row.MessageId, row.Attempts, delay);
                }
            }
            // Record the outcome even when the host is stopping: published rows must not stay unsent.
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            if (published > 0)
            {
                LogPublished(logger, published, typeof(TDbContext).Name);
            }
            return new RelayResult(published, retryAt);
        }, stoppingToken);
    }

    /// <summary>Publishes <paramref name="row"/>; <paramref name="handedOver"/> completes when MassTransit runs its send pipe.</summary>
    private async Task PublishAsync(OutboxMessage row, TaskCompletionSource handedOver, CancellationToken stoppingToken)
    {
        var type = OutboxSerializer.Resolve(row.MessageType)
            ?? throw new InvalidOperationException($"Event type '{row.MessageType}' is not known to this service (is it deployed?).");
        var message = OutboxSerializer.Deserialize(row.Body, type);
        // Continue the trace of the operation that raised the event: MassTransit's send activity becomes its child.
        using var activity = row.TraceParent is null ? null : new Activity("outbox relay").SetParentId(row.TraceParent).Start();
        using var timeout = new CancellationTokenSource(options.PublishTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        var publish = bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = row.MessageId;
            context.Headers.Set(SequenceHeader, row.SequenceNumber);
            handedOver.TrySetResult();
        }), linked.Token);
        try
        {
            // MassTransit may ignore the token while it waits for a connection; never wait longer than the timeout.
            await publish.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            Observe(publish);
            throw new TimeoutException($"The broker did not confirm the publication within {options.PublishTimeout}.");
        }
        catch (OperationCanceledException)
        {
            Observe(publish);
            throw;
        }
    }

    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private TimeSpan Backoff(int attempts)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var delay = options.PublishRetryInitialDelay * Math.Pow(2, exponent);
        return delay < options.PublishRetryMaxDelay ? delay : options.PublishRetryMaxDelay;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox of {Context}: {Count} message(s) published")]
    private static partial void LogPublished(ILogger logger, int count, string context);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox message {Sequence} ({MessageId}) not published (attempt {Attempts}); next attempt in {Delay}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, long sequence, Guid messageId, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay of {Context} failed; it will try again")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string context);
}
