using System.Globalization;
using System.Linq.Expressions;
using DonationRegistry.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// Optimistic concurrency with PostgreSQL's <c>xmin</c>: the etag a client sees is the row version it read and must send back;
/// a stale etag fails at once (ABORTED), a race between read and write fails in SaveChanges (the UPDATE is conditioned on it).
/// </summary>
public static class ETags
{
    public static string Of(uint version) => version.ToString(CultureInfo.InvariantCulture);

    public static void Require<TEntity>(DbContext db, TEntity entity, Expression<Func<TEntity, uint>> rowVersion, string? etag,
        string resource, string id) where TEntity : class
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            throw new ValidationFailedException("etag", "The etag last read is required.", "缺少版本标记（etag），请先读取记录。");
        }
        if (!uint.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            throw new ValidationFailedException("etag", "Not an etag this service issued.");
        }
        var property = db.Entry(entity).Property(rowVersion);
        if (property.CurrentValue != expected)
        {
            throw new ConcurrentEditException(resource, id, "该记录已被他人修改，请刷新后重试。");
        }
        property.OriginalValue = expected;
    }
}
