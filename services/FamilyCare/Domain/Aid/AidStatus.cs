namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>Student aid (小桔灯助学) states of DOMAIN.md section 5.</summary>
public enum AidStatus
{
    Identified = 1,
    Applied = 2,
    Verified = 3,
    Approved = 4,
    Disbursed = 5,
    AnnualReview = 6,
    Renewed = 7,
    Exited = 8,
}
