namespace DonationRegistry.Registration.Domain.Statistics;

/// <summary>Which count of a <see cref="StatisticsDay"/> a change adds to.</summary>
public enum StatisticsCounter
{
    NewRegistrations = 1,
    Revoked = 2,
    Objections = 3,
    Realised = 4,
    HscEnrolled = 5,
}
