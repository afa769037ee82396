namespace DonationRegistry.Common.Auditing;

/// <summary>Whether personal data was read or changed.</summary>
public enum AuditAction
{
    Read = 1,
    Change = 2,
}
