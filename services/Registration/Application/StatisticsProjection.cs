using DonationRegistry.Registration.Domain.Statistics;
using DonationRegistry.Registration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Keeps the statistics projection (<see cref="StatisticsDay"/>) current: each counted change adds one to its programme, region,
/// point and day (Asia/Shanghai) with an atomic upsert into one of the group's stripes (<see cref="StatisticsDay.Stripes"/>, picked at
/// random so concurrent changes rarely wait for each other's row lock), run inside the same transaction as the change so the counts
/// can never disagree with the data.
/// </summary>
public sealed class StatisticsProjection(RegistrationDbContext db)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Shanghai).DateTime);

    /// <summary>Adds one to <paramref name="counter"/>. Call inside the transaction of the change (the caller opens it), as late as
    /// possible: the stripe's row stays locked until the commit.</summary>
    public Task CountAsync(StatisticsCounter counter, string programme, string regionCode, Guid? pointId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var column = counter switch
        {
            StatisticsCounter.NewRegistrations => "\"NewRegistrations\"",
            StatisticsCounter.Revoked => "\"Revoked\"",
            StatisticsCounter.Objections => "\"Objections\"",
            StatisticsCounter.Realised => "\"Realised\"",
            StatisticsCounter.HscEnrolled => "\"HscEnrolled\"",
            _ => throw new ArgumentOutOfRangeException(nameof(counter)),
        };
        var day = DayOf(at);
        string initial = string.Join(", ", Enum.GetValues<StatisticsCounter>().Select(c => c == counter ? "1" : "0"));
        // The column name and the initial values come from the closed enum above, never from input.
#pragma warning disable EF1002
        return db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO statistics_days ("Programme", "RegionCode", "PointId", "Day", "Stripe", "NewRegistrations", "Revoked", "Objections", "Realised", "HscEnrolled")
            VALUES ({0}, {1}, {2}, {3}, {4}, {{initial}})
            ON CONFLICT ("Programme", "RegionCode", "PointId", "Day", "Stripe") DO UPDATE SET {{column}} = statistics_days.{{column}} + 1
            """, [programme, regionCode, PointParameter(pointId), day, (short)Random.Shared.Next(StatisticsDay.Stripes)], cancellationToken);
#pragma warning restore EF1002
    }

    // A typed parameter: EF cannot map a bare DBNull, and a null point (online registrations) is a group of its own.
    private static NpgsqlParameter PointParameter(Guid? pointId) =>
        new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)pointId ?? DBNull.Value };
}
