namespace DonationRegistry.FamilyCare.Application;

/// <summary>Subject types of FamilyCare audit rows.</summary>
public static class AuditSubjects
{
    public const string Family = "family";
    public const string AidCase = "aid_case";
    public const string AidFund = "aid_fund";
    public const string Visit = "visit";
    public const string Campaign = "campaign";
    public const string StaffMember = "staff_member";
}
