namespace DonationRegistry.FamilyCare.Domain;

/// <summary>The stable codes of <see cref="CareRuleException.Rule"/>.</summary>
public static class CareRules
{
    public const string FamilyNotEnrolled = "FAMILY_NOT_ENROLLED";
    public const string GuardianConsentRequired = "GUARDIAN_CONSENT_REQUIRED";
    public const string BudgetExceeded = "BUDGET_EXCEEDED";
    public const string AmountNotConfigured = "AMOUNT_NOT_CONFIGURED";
    public const string DisbursementExceedsApproval = "DISBURSEMENT_EXCEEDS_APPROVAL";
    public const string VerificationIncomplete = "VERIFICATION_INCOMPLETE";
    public const string WrongBudgetYear = "WRONG_BUDGET_YEAR";
    public const string StaffDoubleBooked = "STAFF_DOUBLE_BOOKED";
    public const string StaffOutsideRegion = "STAFF_OUTSIDE_REGION";
    public const string NoStaff = "NO_STAFF";
    public const string StaffListedTwice = "STAFF_LISTED_TWICE";
    public const string VisitNotSchedulable = "VISIT_NOT_SCHEDULABLE";
}
