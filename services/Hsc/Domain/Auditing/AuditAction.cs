namespace DonationRegistry.Hsc.Domain.Auditing;

/// <summary>Whether a donor's data was read or changed.</summary>
public enum AuditAction
{
    Read = 1,
    Change = 2,
}
