namespace DonationRegistry.Hsc.Application;

/// <summary>Everything a caller can ask of the HSC service, as the access table names it.</summary>
public enum Operation
{
    ManageDonors,
    ReadDonors,
    Search,
    ReadSearches,
    UseHlaTools,
    ReloadRelease,
}
