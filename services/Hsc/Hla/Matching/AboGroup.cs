namespace DonationRegistry.Hla.Matching;

/// <summary>ABO blood group, for search filters and ranking (the Rh factor plays no part in donor selection here).</summary>
public enum AboGroup
{
    Unknown,
    O,
    A,
    B,
    AB,
}
