namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>What a volunteer agrees to donate.</summary>
public enum DonationScope
{
    Heart = 1,
    Lung = 2,
    Liver = 3,
    Kidney = 4,
    Pancreas = 5,
    SmallIntestine = 6,
    AllOrgans = 7,
    Body = 8,
    Cornea = 9,
    BrainTissue = 10,
    OtherTissue = 11,
}
