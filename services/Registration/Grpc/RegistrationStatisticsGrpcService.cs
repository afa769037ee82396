using System.Globalization;
using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;

namespace DonationRegistry.Registration.Grpc;

/// <summary>
/// The statistics API: a thin translation of <see cref="GetStatisticsRequest"/> to <see cref="StatisticsQueries"/> (which
/// authorises and reads the projection) and back.
/// </summary>
public sealed class RegistrationStatisticsGrpcService(StatisticsQueries queries) : RegistrationStatistics.RegistrationStatisticsBase
{
    public override async Task<GetStatisticsResponse> GetStatistics(GetStatisticsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var query = new StatisticsRequest(
            request.Programme switch
            {
                Programme.Organ => "Organ",
                Programme.BodyAndTissue => "BodyAndTissue",
                Programme.Unspecified => null,
                _ => throw new ValidationFailedException("programme", "Unknown programme.", "未知的捐献类型。"),
            },
            string.IsNullOrWhiteSpace(request.RegionCode) ? null : request.RegionCode.Trim(),
            request.Level switch
            {
                RegionLevel.Province => StatisticsLevel.Province,
                RegionLevel.City or RegionLevel.Unspecified => StatisticsLevel.City,
                RegionLevel.County => StatisticsLevel.County,
                RegionLevel.Point => StatisticsLevel.Point,
                _ => throw new ValidationFailedException("level", "Unknown region level.", "未知的统计层级。"),
            },
            request.Granularity switch
            {
                Granularity.Day => StatisticsPeriod.Day,
                Granularity.Month or Granularity.Unspecified => StatisticsPeriod.Month,
                Granularity.Year => StatisticsPeriod.Year,
                _ => throw new ValidationFailedException("granularity", "Unknown granularity.", "未知的统计周期。"),
            },
            Day(request.From, "from"),
            Day(request.To, "to"));

        var rows = await queries.GetAsync(caller, query, context.CancellationToken);
        var response = new GetStatisticsResponse();
        response.Rows.AddRange(rows.Select(r => new StatisticsRow
        {
            Programme = ProgrammeName(r.Programme),
            Group = r.Group,
            Period = r.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            NewRegistrations = r.NewRegistrations,
            Cumulative = r.Cumulative,
            Revoked = r.Revoked,
            Objections = r.Objections,
            Realised = r.Realised,
            HscEnrolled = r.HscEnrolled,
        }));
        return response;
    }

    /// <summary>The projection's programme key as the API names it: Organ → ORGAN, BodyAndTissue → BODY_AND_TISSUE, Hsc → HSC.</summary>
    internal static string ProgrammeName(string programme) => programme switch
    {
        "Organ" => "ORGAN",
        "BodyAndTissue" => "BODY_AND_TISSUE",
        "Hsc" => "HSC",
        _ => programme.ToUpperInvariant(),
    };

    private static DateOnly? Day(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ValidationFailedException(field, "A date YYYY-MM-DD is required.", "日期格式应为 YYYY-MM-DD。");
    }
}
