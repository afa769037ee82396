namespace DonationRegistry.FamilyCare.Domain.Families;

/// <summary>How an elderly parent lives; living alone raises the visit priority in the staff's eyes.</summary>
public enum LivingSituation
{
    WithFamily = 1,
    WithSpouse = 2,
    Alone = 3,
    CareHome = 4,
}
