namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>Lifecycle state of a volunteer registration (DOMAIN.md section 2).</summary>
public enum RegistrationStatus
{
    Draft = 1,
    PendingWitness = 2,
    Forwarded = 3,
    Registered = 4,
    Revoked = 5,
    ObjectionRecorded = 6,
    Deceased = 7,
    Realised = 8,
    NotRealised = 9,
}
