namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>The role a selected donor plays for the patient.</summary>
public enum DonorSelection
{
    /// <summary>Not selected (yet).</summary>
    None = 0,
    /// <summary>首选: the donor the collection is planned with.</summary>
    Primary = 1,
    /// <summary>备选: kept ready in case the primary donor falls through.</summary>
    Backup = 2,
}
