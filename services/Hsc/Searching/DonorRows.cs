using System.Data;
using System.Data.Common;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Searching;

/// <summary>Reads <see cref="DonorRow"/>s for the index: all typed donors (start-up, reload), some by id, or those changed lately.
/// Filters apply to the donors before the projection (EF cannot filter on a constructed row).</summary>
public static class DonorRows
{
    // The whole pool at start-up: one plain query read row by row. Through EF the 3.5 M rows took longer to materialise than to
    // interpret, and a list of them all had to exist before the build began.
    private const string TypedDonorsSql = """
        SELECT d."Id", d."RegionCode", d."BirthYear", d."Sex", d."Abo", d."Cmv", d."Status", t."GlString", d."UpdatedAt"
        FROM donors AS d JOIN typings AS t ON t."Id" = d."CurrentTypingId"
        """;

    public static IQueryable<DonorRow> Project(HscDbContext db, IQueryable<Donor> donors) =>
        from d in donors.AsNoTracking()
        join t in db.Typings.AsNoTracking() on d.CurrentTypingId equals t.Id into typings
        from t in typings.DefaultIfEmpty()
        select new DonorRow(d.Id, d.RegionCode, d.BirthYear, d.Sex, d.Abo, d.Cmv, d.Status, t == null ? null : t.GlString, d.UpdatedAt);

    /// <summary>
    /// Every typed donor, streamed: the caller (the index build) interprets rows while later ones are still arriving. The
    /// connection is the context's own and stays open until the enumeration ends.
    /// </summary>
    public static IEnumerable<DonorRow> StreamTyped(HscDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        connection.Open();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = TypedDonorsSql;
            command.CommandTimeout = 0;
            using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
            while (reader.Read())
            {
                yield return Read(reader);
            }
        }
        finally
        {
            connection.Close();
        }
    }

    public static Task<List<DonorRow>> ByIdsAsync(HscDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Project(db, db.Donors.Where(d => ids.Contains(d.Id))).ToListAsync(ct);

    /// <summary>Donors changed at or after <paramref name="since"/> (the change feed), oldest first.</summary>
    public static Task<List<DonorRow>> ChangedSinceAsync(HscDbContext db, DateTimeOffset since, CancellationToken ct) =>
        Project(db, db.Donors.Where(d => d.UpdatedAt >= since).OrderBy(d => d.UpdatedAt)).ToListAsync(ct);

    // Columns in the order of TypedDonorsSql; enums are stored by name (see DonorConfiguration).
    private static DonorRow Read(DbDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetInt32(2),
        Enum.Parse<Sex>(reader.GetString(3)),
        Enum.Parse<AboGroup>(reader.GetString(4)),
        Enum.Parse<CmvStatus>(reader.GetString(5)),
        Enum.Parse<DonorStatus>(reader.GetString(6)),
        reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8));
}
