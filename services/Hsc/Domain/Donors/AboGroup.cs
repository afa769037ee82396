namespace DonationRegistry.Hsc.Domain.Donors;

/// <summary>ABO blood group, as recorded by staff (RhD plays no part in HSC donor selection).</summary>
public enum AboGroup
{
    Unknown = 0,
    O = 1,
    A = 2,
    B = 3,
    AB = 4,
}
