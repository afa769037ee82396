using DonationRegistry.Hsc.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// One business change as one database transaction (entities, typing rows, audit rows). Runs under the context's execution strategy:
/// a retry starts again from an empty change tracker, so <c>work</c> must load what it changes itself.
/// </summary>
public sealed class UnitOfWork(HscDbContext db)
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
