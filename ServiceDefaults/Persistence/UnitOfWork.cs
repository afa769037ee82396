using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// One business change as one database transaction: the entity changes, their timeline and audit rows, the outbox events (all in
/// SaveChanges) and any SQL the work runs on the same connection. Runs under the context's execution strategy (Npgsql retries
/// transient failures): a retry starts again from an empty change tracker, so <c>work</c> must load what it changes itself.
/// Registered for the service's context by <see cref="DatabaseExtensions.AddServiceDbContext{TBuilder, TContext}"/>.
/// </summary>
public sealed class UnitOfWork(DbContext db)
{
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
