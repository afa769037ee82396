namespace DonationRegistry.Hla.Matching;

/// <summary>A donor's sex as recorded, for search filters and ranking (male donors rank first among equals).</summary>
public enum DonorSex
{
    Unknown,
    Male,
    Female,
}
