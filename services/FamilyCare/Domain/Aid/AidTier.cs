namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>The tier that sets up and pays a fund (DOMAIN.md section 5: province, city, county).</summary>
public enum AidTier
{
    Province = 1,
    City = 2,
    County = 3,
}
