namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>
/// The recovery window of one donation, computed from the time of death and the options; <see cref="TimeLeft"/> and
/// <see cref="IsBreached"/> take the clock value as an argument, so they are pure.
/// </summary>
public sealed record TissueWindow(DateTimeOffset DiedAt, DateTimeOffset Deadline, DateTimeOffset? Target)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static TissueWindow For(TissueKind kind, DateTimeOffset diedAt, TissueWindowOptions options)
    {
        if (kind == TissueKind.Brain)
        {
            return new TissueWindow(diedAt, diedAt + options.Brain, diedAt + options.BrainTarget);
        }
        var winter = options.WinterMonths.Contains(diedAt.ToOffset(ChinaStandardTime).Month);
        return new TissueWindow(diedAt, diedAt + (winter ? options.CorneaInWinter : options.Cornea), null);
    }

    /// <summary>Time left until the deadline at <paramref name="now"/> (negative once it passed); frozen at the recovery time.</summary>
    public TimeSpan TimeLeft(DateTimeOffset now, DateTimeOffset? recoveredAt = null) => Deadline - (recoveredAt ?? now);

    /// <summary>Recovered after the deadline, or not recovered and the deadline passed.</summary>
    public bool IsBreached(DateTimeOffset now, DateTimeOffset? recoveredAt = null) => (recoveredAt ?? now) > Deadline;

    /// <summary>Brain tissue recovered (or still not recovered) later than the aim.</summary>
    public bool IsPastTarget(DateTimeOffset now, DateTimeOffset? recoveredAt = null) => Target is { } target && (recoveredAt ?? now) > target;
}
