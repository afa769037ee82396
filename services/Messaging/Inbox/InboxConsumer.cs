using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DonationRegistry.Messaging.Inbox;

/// <summary>
/// An idempotent consumer: processes each message (by MassTransit MessageId) at most once per consumer, whatever the broker
/// redelivers.
/// </summary>
/// <remarks>
/// In one database transaction it skips the message if (MessageId, <see cref="ConsumerName"/>) is already in the inbox, otherwise
/// runs <see cref="HandleAsync"/> (which changes <see cref="Db"/> and may enqueue outbox events with
/// <c>Db.AddIntegrationEvent(...)</c>; calling SaveChanges there is allowed but not needed), adds the inbox row and saves. If a
/// concurrent duplicate committed first, the insert of the inbox key fails with a unique violation, the whole transaction rolls back
/// and the message is treated as already processed. Any other exception rolls back and goes to MassTransit's retry and finally
/// <c>_error</c>. Publish only through the outbox, never with <c>context.Publish</c>.
/// </remarks>
public abstract partial class InboxConsumer<TMessage, TDbContext> : IConsumer<TMessage>
    where TMessage : class where TDbContext : DbContext
{
    private readonly ILogger _logger;

    protected InboxConsumer(TDbContext db, ILogger? logger = null)
    {
        Db = db;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The service's DbContext; the handler's changes are saved with the inbox row in one transaction.</summary>
    protected TDbContext Db { get; }

    /// <summary>The consumer's name in the inbox; stable across deployments (renaming the class makes old messages new again).</summary>
    protected virtual string ConsumerName => NameOf(GetType());

    /// <summary>The MessageId of the message being handled (the sender's outbox message ID).</summary>
    protected Guid MessageId { get; private set; }

    /// <summary>
    /// Applies <paramref name="message"/> to <see cref="Db"/>. Runs inside the inbox transaction; runs again from scratch (with a
    /// cleared change tracker) if the transaction is retried, so keep side effects inside the database.
    /// </summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>The inbox transaction around <see cref="HandleAsync"/>; an override must call it (tests wrap it to count deliveries).</summary>
    public virtual async Task Consume(ConsumeContext<TMessage> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        MessageId = messageId;
        var consumer = ConsumerName;
        bool processed;
        try
        {
            var strategy = Db.Database.CreateExecutionStrategy();
            processed = await strategy.ExecuteAsync(async ct =>
            {
                Db.ChangeTracker.Clear();
                await using var transaction = await Db.Database.BeginTransactionAsync(ct);
                var seen = await Db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.ConsumerName == consumer, ct);
                if (seen)
                {
                    return false;
                }
                await HandleAsync(context.Message, ct);
                Db.Set<InboxMessage>().Add(new InboxMessage(messageId, consumer, DateTimeOffset.UtcNow));
                await Db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return true;
            }, context.CancellationToken);
        }
        catch (DbUpdateException ex) when (IsInboxKeyViolation(ex))
        {
            processed = false; // a concurrent delivery of the same message committed first
        }
        finally
        {
            Db.ChangeTracker.Clear();
        }
        if (!processed)
        {
            LogDuplicate(_logger, messageId, typeof(TMessage).Name, consumer);
        }
    }

    /// <summary><c>Ns.Consumer</c>, or <c>Ns.Consumer&lt;Ns.Event&gt;</c> for a closed generic (no assembly versions).</summary>
    internal static string NameOf(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        var prefix = type.IsNested ? NameOf(type.DeclaringType!) + "+" : type.Namespace is { } ns ? ns + "." : "";
        return type.IsGenericType
            ? $"{prefix}{name}<{string.Join(",", type.GetGenericArguments().Select(NameOf))}>"
            : prefix + name;
    }

    internal static bool IsInboxKeyViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: ModelBuilderExtensions.InboxPrimaryKey,
        };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} ({MessageType}) already processed by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string messageType, string consumer);
}
