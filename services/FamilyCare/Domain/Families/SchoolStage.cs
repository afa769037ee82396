namespace DonationRegistry.FamilyCare.Domain.Families;

/// <summary>A child's school stage (DOMAIN.md section 5); aid amounts are configured per stage.</summary>
public enum SchoolStage
{
    Preschool = 1,
    Primary = 2,
    JuniorHigh = 3,
    SeniorHigh = 4,
    Vocational = 5,
    University = 6,
}
