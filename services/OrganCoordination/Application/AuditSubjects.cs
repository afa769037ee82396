namespace DonationRegistry.OrganCoordination.Application;

/// <summary>Subject types in this service's audit log.</summary>
public static class AuditSubjects
{
    public const string OrganCase = "OrganCase";
    public const string Credential = "CoordinatorCredential";
    public const string BodyCase = "BodyDonationCase";
    public const string TissueCase = "TissueDonationCase";
    public const string Memorial = "Memorial";
}
