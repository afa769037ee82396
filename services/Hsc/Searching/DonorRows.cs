using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Searching;

/// <summary>Reads <see cref="DonorRow"/>s for the index: all typed donors (start-up, reload), some by id, or those changed lately.
/// Filters apply to the donors before the projection (EF cannot filter on a constructed row).</summary>
public static class DonorRows
{
    public static IQueryable<DonorRow> Project(HscDbContext db, IQueryable<Donor> donors) =>
        from d in donors.AsNoTracking()
        join t in db.Typings.AsNoTracking() on d.CurrentTypingId equals t.Id into typings
        from t in typings.DefaultIfEmpty()
        select new DonorRow(d.Id, d.RegionCode, d.BirthYear, d.Sex, d.Abo, d.Cmv, d.Status, t == null ? null : t.GlString, d.UpdatedAt);

    public static Task<List<DonorRow>> TypedAsync(HscDbContext db, CancellationToken ct) =>
        Project(db, db.Donors.Where(d => d.CurrentTypingId != null)).ToListAsync(ct);

    public static Task<List<DonorRow>> ByIdsAsync(HscDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Project(db, db.Donors.Where(d => ids.Contains(d.Id))).ToListAsync(ct);

    /// <summary>Donors changed at or after <paramref name="since"/> (the change feed), oldest first.</summary>
    public static Task<List<DonorRow>> ChangedSinceAsync(HscDbContext db, DateTimeOffset since, CancellationToken ct) =>
        Project(db, db.Donors.Where(d => d.UpdatedAt >= since).OrderBy(d => d.UpdatedAt)).ToListAsync(ct);
}
