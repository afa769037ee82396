using DonationRegistry.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DonationRegistry.Messaging.Outbox;

/// <summary>
/// Trims the outbox and inbox of <typeparamref name="TDbContext"/> every <see cref="MessagingOptions.CleanupInterval"/>: deletes
/// outbox rows sent longer ago than <see cref="MessagingOptions.OutboxRetention"/> (unsent rows are never deleted) and inbox rows
/// older than <see cref="MessagingOptions.InboxRetention"/>.
/// </summary>
public sealed partial class OutboxCleaner<TDbContext>(
    IServiceScopeFactory scopes,
    MessagingOptions options,
    TimeProvider time,
    ILogger<OutboxCleaner<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    /// <summary>Runs one clean-up now.</summary>
    /// <returns>The outbox and inbox rows deleted.</returns>
    public async Task<(int Outbox, int Inbox)> CleanAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = time.GetUtcNow();
        var sentBefore = now - options.OutboxRetention;
        var processedBefore = now - options.InboxRetention;
        var batch = options.CleanupBatchSize;

        int outbox = 0, inbox = 0, deleted;
        do
        {
            deleted = await db.Set<OutboxMessage>()
                .Where(m => m.SentAt != null && m.SentAt < sentBefore)
                .OrderBy(m => m.SequenceNumber)
                .Take(batch)
                .ExecuteDeleteAsync(cancellationToken);
            outbox += deleted;
        }
        while (deleted == batch);
        do
        {
            deleted = await db.Set<InboxMessage>()
                .Where(m => m.ProcessedAt < processedBefore)
                .OrderBy(m => m.ProcessedAt)
                .Take(batch)
                .ExecuteDeleteAsync(cancellationToken);
            inbox += deleted;
        }
        while (deleted == batch);
        if (outbox + inbox > 0)
        {
            LogCleaned(logger, typeof(TDbContext).Name, outbox, inbox);
        }
        return (outbox, inbox);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CleanupInterval, time, stoppingToken);
                await CleanAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogCleanFailed(logger, ex, typeof(TDbContext).Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context}: deleted {Outbox} old outbox and {Inbox} old inbox row(s)")]
    private static partial void LogCleaned(ILogger logger, string context, int outbox, int inbox);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox clean-up of {Context} failed; it will run again")]
    private static partial void LogCleanFailed(ILogger logger, Exception exception, string context);
}
