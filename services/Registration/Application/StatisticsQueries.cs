using System.Data.Common;
using System.Globalization;
using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Answers statistics questions from the projection <c>statistics_days</c> only (never a scan of registrations): one grouped query
/// sums the day rows into programme × group × period, with everything before the first period folded into one baseline per group,
/// so the cumulative count (registered at the end of each period, net of revocations) is the baseline plus a running sum.
/// Authorised as <see cref="Operation.ReadStatistics"/>: officers and auditors inside their region, a clerk only for their own
/// point(s).
/// </summary>
public sealed class StatisticsQueries(RegistrationDbContext db, TimeProvider clock)
{
    /// <summary>Most periods one request may span (per granularity), so a dashboard cannot ask for a million rows.</summary>
    public const int MaxDays = 366;
    public const int MaxMonths = 120;
    public const int MaxYears = 50;

    /// <summary>The group of records without a point (online registrations) at point level.</summary>
    public const string OnlineGroup = "ONLINE";

    public async Task<IReadOnlyList<StatisticsCounts>> GetAsync(Caller caller, StatisticsRequest request, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadStatistics);
        var (from, to) = Window(request);
        if (request.RegionCode is { Length: > 0 } code && !RegionCodes.IsZhejiang(code))
        {
            throw new ValidationFailedException("region_code", "A six-digit GB/T 2260 code in Zhejiang (33xxxx) is required.",
                "请填写浙江省内的六位行政区划代码。");
        }

        Guid[]? points = null;
        string prefix;
        if (caller.Role == Common.Roles.RegistrationClerk)
        {
            // A clerk sees their own point(s) only, whatever region they name.
            points = await db.Points
                .Where(p => p.Code == caller.OrgId || p.Staff.Any(s => s.UserId == caller.Subject))
                .Select(p => p.Id)
                .ToArrayAsync(cancellationToken);
            if (points.Length == 0)
            {
                throw new AccessDeniedException("You act for no registration point.", "您不属于任何登记点，无权查看统计。");
            }
            prefix = request.RegionCode is { Length: > 0 } r ? RegionCodes.ScopePrefix(r) : "";
        }
        else
        {
            var region = request.RegionCode is { Length: > 0 } r ? r : caller.Region ?? "";
            AccessPolicy.RequireRegion(caller, Operation.ReadStatistics, region);
            prefix = RegionCodes.ScopePrefix(region);
        }

        var sums = await SumAsync(request, from, to, prefix, points, cancellationToken);
        var codes = request.Level == StatisticsLevel.Point ? await PointCodesAsync(sums, cancellationToken) : null;
        var periods = Periods(from, to, request.Period);
        var rows = new List<StatisticsCounts>();
        foreach (var series in sums.GroupBy(s => (s.Programme, s.Group)))
        {
            var baseline = series.Where(s => s.Period is null).Sum(s => s.NewRegistrations - s.Revoked);
            var byPeriod = series.Where(s => s.Period is not null).ToDictionary(s => s.Period!.Value);
            var group = codes is null ? series.Key.Group : codes.GetValueOrDefault(series.Key.Group, series.Key.Group);
            var cumulative = baseline;
            foreach (var period in periods)
            {
                var sum = byPeriod.GetValueOrDefault(period);
                cumulative += (sum?.NewRegistrations ?? 0) - (sum?.Revoked ?? 0);
                rows.Add(new StatisticsCounts(series.Key.Programme, group, period, sum?.NewRegistrations ?? 0, cumulative,
                    sum?.Revoked ?? 0, sum?.Objections ?? 0, sum?.Realised ?? 0, sum?.HscEnrolled ?? 0));
            }
        }
        return [.. rows.OrderBy(r => r.Programme, StringComparer.Ordinal).ThenBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Period)];
    }

    /// <summary>The day range asked for, or the default window ending today (30 days, 12 months or 5 years); checked for size.</summary>
    internal (DateOnly From, DateOnly To) Window(StatisticsRequest request)
    {
        var today = StatisticsProjection.DayOf(clock.GetUtcNow());
        var to = request.To ?? today;
        var from = request.From ?? request.Period switch
        {
            StatisticsPeriod.Day => to.AddDays(-29),
            StatisticsPeriod.Month => new DateOnly(to.Year, to.Month, 1).AddMonths(-11),
            _ => new DateOnly(to.Year - 4, 1, 1),
        };
        if (from > to)
        {
            throw new ValidationFailedException("from", "The first day lies after the last day.", "开始日期晚于结束日期。");
        }
        var count = Periods(from, to, request.Period).Count;
        var max = request.Period switch { StatisticsPeriod.Day => MaxDays, StatisticsPeriod.Month => MaxMonths, _ => MaxYears };
        if (count > max)
        {
            throw new ValidationFailedException("from", $"At most {max} periods of this granularity per request (asked: {count}).",
                "查询的时间范围过大，请缩小范围或改用更粗的统计周期。");
        }
        return (from, to);
    }

    /// <summary>The start of every period that overlaps [from, to], in order.</summary>
    internal static IReadOnlyList<DateOnly> Periods(DateOnly from, DateOnly to, StatisticsPeriod period)
    {
        var list = new List<DateOnly>();
        for (var p = PeriodStart(from, period); p <= to; p = Next(p, period))
        {
            list.Add(p);
        }
        return list;
    }

    internal static DateOnly PeriodStart(DateOnly day, StatisticsPeriod period) => period switch
    {
        StatisticsPeriod.Day => day,
        StatisticsPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    private static DateOnly Next(DateOnly start, StatisticsPeriod period) => period switch
    {
        StatisticsPeriod.Day => start.AddDays(1),
        StatisticsPeriod.Month => start.AddMonths(1),
        _ => start.AddYears(1),
    };

    private sealed record Sum(string Programme, string Group, DateOnly? Period, long NewRegistrations, long Revoked, long Objections,
        long Realised, long HscEnrolled);

    /// <summary>
    /// One grouped query over the projection: rows before <paramref name="from"/> collapse into a baseline (period null) per group.
    /// The SQL fragments come from closed enums; every value is a parameter.
    /// </summary>
    private async Task<List<Sum>> SumAsync(StatisticsRequest request, DateOnly from, DateOnly to, string prefix, Guid[]? points,
        CancellationToken cancellationToken)
    {
        var group = request.Level switch
        {
            StatisticsLevel.Province => $"'{RegionCodes.Province}'",
            StatisticsLevel.City => "left(\"RegionCode\", 4) || '00'",
            StatisticsLevel.County => "\"RegionCode\"",
            _ => $"coalesce(\"PointId\"::text, '{OnlineGroup}')",
        };
        var unit = request.Period switch { StatisticsPeriod.Day => "day", StatisticsPeriod.Month => "month", _ => "year" };
        var sql = $"""
            SELECT "Programme", {group} AS grp,
                   CASE WHEN "Day" < @from THEN NULL ELSE date_trunc('{unit}', "Day")::date END AS period,
                   sum("NewRegistrations"), sum("Revoked"), sum("Objections"), sum("Realised"), sum("HscEnrolled")
            FROM statistics_days
            WHERE "Day" <= @to AND "RegionCode" LIKE @prefix
            {(request.Programme is null ? "" : "AND \"Programme\" = @programme")}
            {(points is null ? "" : "AND \"PointId\" = ANY(@points)")}
            GROUP BY 1, 2, 3
            """;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("from", from));
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("to", to));
            command.Parameters.Add(new NpgsqlParameter<string>("prefix", EscapeLike(prefix) + "%"));
            if (request.Programme is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string>("programme", request.Programme));
            }
            if (points is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<Guid[]>("points", points));
            }
            var sums = new List<Sum>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sums.Add(new Sum(reader.GetString(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                    Long(reader, 3), Long(reader, 4), Long(reader, 5), Long(reader, 6), Long(reader, 7)));
            }
            return sums;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static long Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private async Task<Dictionary<string, string>> PointCodesAsync(List<Sum> sums, CancellationToken cancellationToken)
    {
        var ids = sums.Select(s => Guid.TryParse(s.Group, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToArray();
        var codes = await db.Points.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Code }).ToListAsync(cancellationToken);
        return codes.ToDictionary(c => c.Id.ToString(), c => c.Code);
    }
}
