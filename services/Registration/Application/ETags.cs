using System.Globalization;
using System.Linq.Expressions;
using DonationRegistry.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Optimistic concurrency with PostgreSQL's <c>xmin</c>: the etag a client sees is the row version it read; a change must send it
/// back. A stale etag fails at once (ABORTED); a change racing between our read and our write fails in SaveChanges, because the
/// UPDATE is conditioned on the etag the client sent (DbUpdateConcurrencyException → ABORTED in the interceptor).
/// </summary>
public static class ETags
{
    public static string Of(uint version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks <paramref name="etag"/> (field <paramref name="field"/>) against the loaded entity and makes it the
    /// condition of the entity's UPDATE.</summary>
    public static void Require<TEntity>(DbContext db, TEntity entity, Expression<Func<TEntity, uint>> rowVersion, string? etag,
        string field, string resource, string id) where TEntity : class
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            throw new ValidationFailedException(field, "The etag last read is required.", "缺少版本标记（etag），请先读取记录。");
        }
        if (!uint.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            throw new ValidationFailedException(field, "Not an etag this service issued.");
        }
        var property = db.Entry(entity).Property(rowVersion);
        if (property.CurrentValue != expected)
        {
            throw new ConcurrentEditException(resource, id, "该记录已被他人修改，请刷新后重试。");
        }
        property.OriginalValue = expected;
    }
}
