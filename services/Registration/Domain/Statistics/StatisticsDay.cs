namespace DonationRegistry.Registration.Domain.Statistics;

/// <summary>
/// The statistics projection: counts per programme, point (with its county region) and day (Asia/Shanghai), incremented in the same
/// transaction as each change, so a dashboard sums a few thousand small rows instead of scanning every registration.
/// </summary>
public sealed class StatisticsDay
{
    private StatisticsDay()
    {
    }

    public StatisticsDay(string programme, string regionCode, Guid? pointId, DateOnly day)
    {
        Programme = programme;
        RegionCode = regionCode;
        PointId = pointId;
        Day = day;
    }

    public long Id { get; private set; }
    /// <summary>"Organ", "BodyAndTissue" or "Hsc".</summary>
    public string Programme { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public Guid? PointId { get; private set; }
    public DateOnly Day { get; private set; }
    public long NewRegistrations { get; set; }
    public long Revoked { get; set; }
    public long Objections { get; set; }
    public long Realised { get; set; }
    public long HscEnrolled { get; set; }
}
