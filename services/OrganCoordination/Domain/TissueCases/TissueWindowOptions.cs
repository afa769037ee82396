namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>
/// The time windows from death within which tissue must be recovered (configuration <c>TissueWindows</c>; DOMAIN.md section 4):
/// cornea about 6 h, 12 h in winter; brain tissue 2–8 h, read as "aim for 2 h, never later than 8 h". Winter is judged by the month
/// of death in China Standard Time.
/// </summary>
public sealed record TissueWindowOptions
{
    public TimeSpan Cornea { get; init; } = TimeSpan.FromHours(6);
    public TimeSpan CorneaInWinter { get; init; } = TimeSpan.FromHours(12);
    /// <summary>Months (1–12) counted as winter.</summary>
    public IReadOnlyList<int> WinterMonths { get; init; } = [12, 1, 2];
    /// <summary>The aim for brain tissue: later is not a breach, but shown.</summary>
    public TimeSpan BrainTarget { get; init; } = TimeSpan.FromHours(2);
    public TimeSpan Brain { get; init; } = TimeSpan.FromHours(8);
}
