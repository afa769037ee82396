namespace DonationRegistry.FamilyCare.Domain.Families;

/// <summary>Referred by a completion event; Enrolled once the family's consent is recorded; Withdrawn when they decline or withdraw.</summary>
public enum FamilyStatus
{
    Referred = 1,
    Enrolled = 2,
    Withdrawn = 3,
}
