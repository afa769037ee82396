namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>The steps of a cornea or brain tissue donation.</summary>
public enum TissueCaseStatus
{
    DeathNotified = 1,
    Recovered = 2,
    /// <summary>Not recovered (final), with a reason.</summary>
    Declined = 3,
    Used = 4,
    Memorialised = 5,
}
