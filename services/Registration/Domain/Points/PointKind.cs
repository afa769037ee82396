namespace DonationRegistry.Registration.Domain.Points;

/// <summary>Kind of organisation hosting a point.</summary>
public enum PointKind
{
    ElderCare = 1,
    Hospital = 2,
    Community = 3,
    School = 4,
    RedCrossOffice = 5,
    Other = 6,
}
