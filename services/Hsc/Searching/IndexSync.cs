using DonationRegistry.Hsc.Infrastructure;

namespace DonationRegistry.Hsc.Searching;

/// <summary>
/// Applies committed donor changes to this replica's search index right after the commit (read-your-writes); the change feed
/// (<see cref="IndexLoader"/>) catches whatever another replica committed.
/// </summary>
public sealed class IndexSync(HscDbContext db, HlaEngine engine)
{
    public async Task ApplyAsync(IReadOnlyCollection<Guid> donorIds, CancellationToken cancellationToken)
    {
        if (donorIds.Count == 0 || !engine.IsLoaded)
        {
            return;
        }
        var rows = await DonorRows.ByIdsAsync(db, donorIds, cancellationToken);
        engine.Apply(rows);
    }
}
