namespace DonationRegistry.FamilyCare.Domain.Families;

/// <summary>Which completed donation referred the family (DOMAIN.md section 5: organ, body, tissue; HSC donors are visited too).</summary>
public enum ReferralSource
{
    OrganDonation = 1,
    BodyDonation = 2,
    TissueDonation = 3,
    HscDonation = 4,
}
