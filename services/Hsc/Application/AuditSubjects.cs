namespace DonationRegistry.Hsc.Domain.Auditing;

/// <summary>Kinds of audited records.</summary>
public static class AuditSubjects
{
    public const string Donor = "donor";
    public const string Search = "search";
}
