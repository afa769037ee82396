namespace DonationRegistry.Hsc.Application;

/// <summary>Kinds of audited records.</summary>
public static class AuditSubjects
{
    public const string Donor = "donor";
    public const string Search = "search";
}
