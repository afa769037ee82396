namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>What a second donation (2次捐献) to the same patient gives.</summary>
public enum SecondDonationKind
{
    /// <summary>Stem cells again (PBSC or marrow).</summary>
    Cells = 1,
    /// <summary>Lymphocytes (DLI).</summary>
    Lymphocytes = 2,
}
