using System.Data.Common;
using System.Runtime.CompilerServices;
using DonationRegistry.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DonationRegistry.Messaging.Outbox;

/// <summary>
/// Installed on <typeparamref name="TDbContext"/> by <c>AddMessaging</c>: stamps new outbox and inbox rows with the service's
/// <see cref="TimeProvider"/>, and wakes the relay as soon as a transaction that inserted outbox rows commits (right after
/// <c>SaveChanges</c>, or at the commit of an explicit transaction).
/// </summary>
internal sealed class OutboxInterceptor<TDbContext>(OutboxSignal<TDbContext> signal, TimeProvider time)
    : ISaveChangesInterceptor, IDbTransactionInterceptor where TDbContext : DbContext
{
    // Contexts that have saved outbox rows not yet known to be committed.
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var now = time.GetUtcNow();
        // Outbox and inbox rows are only ever added (DbSet.Add tracks them at once), so they are found without a DetectChanges
        // pass here; SaveChanges runs its own right after this.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            StampAdded(context, tracker, now);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void StampAdded(DbContext context, ChangeTracker tracker, DateTimeOffset now)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }
            switch (entry.Entity)
            {
                case OutboxMessage outbox:
                    outbox.CreatedAt = now;
                    _pending.AddOrUpdate(context, this);
                    break;
                case InboxMessage inbox:
                    inbox.ProcessedAt = now;
                    break;
            }
        }
    }

    private void Saved(DbContext? context)
    {
        // Without an explicit transaction SaveChanges has committed its own; otherwise wait for the commit.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            signal.Notify();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
