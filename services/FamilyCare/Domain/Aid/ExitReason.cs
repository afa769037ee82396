namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>Why a child left student aid.</summary>
public enum ExitReason
{
    Graduated = 1,
    NoLongerEligible = 2,
    Declined = 3,
}
