using DonationRegistry.Hsc.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Searching;

/// <summary>Reads <see cref="DonorRow"/>s for the index: all typed donors (start-up, reload), some by id, or those changed lately.</summary>
public static class DonorRows
{
    public static IQueryable<DonorRow> Query(HscDbContext db) =>
        from d in db.Donors.AsNoTracking()
        join t in db.Typings.AsNoTracking() on d.CurrentTypingId equals t.Id into typings
        from t in typings.DefaultIfEmpty()
        select new DonorRow(d.Id, d.RegionCode, d.BirthYear, d.Sex, d.Abo, d.Cmv, d.Status, t == null ? null : t.GlString, d.UpdatedAt);

    public static Task<List<DonorRow>> ByIdsAsync(HscDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Query(db).Where(r => ids.Contains(r.DonorId)).ToListAsync(ct);

    /// <summary>Donors changed at or after <paramref name="since"/> (the change feed), oldest first.</summary>
    public static Task<List<DonorRow>> ChangedSinceAsync(HscDbContext db, DateTimeOffset since, CancellationToken ct) =>
        Query(db).Where(r => r.UpdatedAt >= since).OrderBy(r => r.UpdatedAt).ToListAsync(ct);
}
