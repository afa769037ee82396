namespace DonationRegistry.OrganCoordination.Domain.Credentials;

/// <summary>A coordinator credential's state. Expiry is not a state: a Certified credential past its expiry is simply not active.</summary>
public enum CredentialStatus
{
    Applicant = 1,
    Certified = 2,
    Suspended = 3,
    Revoked = 4,
}
