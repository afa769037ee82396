namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>An action on a volunteer registration.</summary>
public enum RegistrationTrigger
{
    RecordWitnessing = 1,
    Forward = 2,
    Confirm = 3,
    Amend = 4,
    Revoke = 5,
    RecordObjection = 6,
    RecordDeath = 7,
    RecordRealised = 8,
    RecordNotRealised = 9,
}
