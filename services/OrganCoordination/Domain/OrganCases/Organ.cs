namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>An organ that may be consented to, allocated in COTRS and procured; paired organs count one each side.</summary>
public enum Organ
{
    Heart = 1,
    LeftLung = 2,
    RightLung = 3,
    Liver = 4,
    LeftKidney = 5,
    RightKidney = 6,
    Pancreas = 7,
    SmallIntestine = 8,
}
