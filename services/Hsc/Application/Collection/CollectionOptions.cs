using DonationRegistry.Hsc.Domain.Collection;

namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>
/// Settings of the collection procedure (appsettings section <c>Collection</c>): defaults for every city, overridden per city
/// (<c>Cities:{region}</c>) — follow-up days after hand-over, expected days per step, and the fee standard per year in fen.
/// </summary>
public sealed class CollectionOptions
{
    public const string Section = "Collection";

    /// <summary>Follow-up days after the hand-over (default 7, 30, 90, 180, 365).</summary>
    public int[]? FollowUpDays { get; set; }

    /// <summary>Expected days per step (steps not named keep the procedure's default).</summary>
    public Dictionary<CollectionCaseStatus, int> ExpectedDays { get; set; } = [];

    /// <summary>How often the reminder job looks for due and overdue follow-ups.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A visit is reminded this many days before its due day.</summary>
    public int ReminderLeadDays { get; set; } = 7;

    /// <summary>Per city (key: the city's region code).</summary>
    public Dictionary<string, CityCollectionOptions> Cities { get; set; } = [];

    /// <summary>The policy of <paramref name="cityRegion"/>: its own settings over the defaults over the procedure's.</summary>
    public CollectionPolicy PolicyFor(string cityRegion)
    {
        var city = Cities.GetValueOrDefault(cityRegion);
        var expected = new Dictionary<CollectionCaseStatus, int>(CollectionPolicy.Default.ExpectedDays);
        foreach (var (step, days) in ExpectedDays.Concat(city?.ExpectedDays ?? []))
        {
            expected[step] = days;
        }
        var followUps = city?.FollowUpDays is { Length: > 0 } own ? own
            : FollowUpDays is { Length: > 0 } all ? all
            : CollectionPolicy.Default.FollowUpDays;
        return new CollectionPolicy([.. followUps], expected);
    }

    /// <summary>The fee standard of <paramref name="cityRegion"/> for <paramref name="year"/>, if configured.</summary>
    public FeeStandard? FeeStandardFor(string cityRegion, int year) =>
        Cities.GetValueOrDefault(cityRegion)?.FeeStandards.GetValueOrDefault(year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            is { Count: > 0 } caps
            ? new FeeStandard(cityRegion, year, caps)
            : null;
}
