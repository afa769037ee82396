namespace DonationRegistry.OrganCoordination.Domain.Overview;

/// <summary>
/// How long each state is expected to last before its next step is overdue (configuration <c>DueLists</c>; keys "Kind.State", e.g.
/// "Organ.Referred") and how early a tissue window counts as closing. [design] defaults; a state without an entry is never overdue.
/// </summary>
public sealed record DueListOptions
{
    public Dictionary<string, TimeSpan> ExpectedDurations { get; init; } = new(StringComparer.Ordinal)
    {
        ["Organ.Referred"] = TimeSpan.FromHours(2),
        ["Organ.RegistryChecked"] = TimeSpan.FromHours(6),
        ["Organ.Evaluating"] = TimeSpan.FromHours(24),
        ["Organ.FamilyApproach"] = TimeSpan.FromHours(48),
        ["Organ.ConsentSigned"] = TimeSpan.FromHours(12),
        ["Organ.EthicsReview"] = TimeSpan.FromHours(24),
        ["Organ.DeathDetermination"] = TimeSpan.FromHours(72),
        ["Organ.DeathDeclared"] = TimeSpan.FromHours(4),
        ["Organ.WitnessAssigned"] = TimeSpan.FromHours(6),
        ["Organ.AllocationRunning"] = TimeSpan.FromHours(12),
        ["Organ.Procuring"] = TimeSpan.FromHours(12),
        ["Organ.BodyRestored"] = TimeSpan.FromHours(24),
        ["Organ.Witnessed"] = TimeSpan.FromHours(24),
        ["Organ.BodyReleased"] = TimeSpan.FromDays(7),
        ["Organ.CertificateIssued"] = TimeSpan.FromDays(7),
        ["Body.DeathNotified"] = TimeSpan.FromHours(12),
        ["Body.HandoverAgreed"] = TimeSpan.FromHours(24),
        ["Body.Received"] = TimeSpan.FromDays(30),
        ["Body.Disposed"] = TimeSpan.FromDays(90),
        ["Cornea.Recovered"] = TimeSpan.FromDays(14),
        ["Cornea.Used"] = TimeSpan.FromDays(90),
        ["Brain.Recovered"] = TimeSpan.FromDays(90),
        ["Brain.Used"] = TimeSpan.FromDays(90),
    };

    /// <summary>A tissue window with less than this left is flagged as closing.</summary>
    public TimeSpan TissueWarning { get; init; } = TimeSpan.FromHours(2);
}
