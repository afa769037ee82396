namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>Why the tissue was not recovered.</summary>
public enum TissueDeclineReason
{
    /// <summary>The time window from death passed.</summary>
    WindowMissed = 1,
    /// <summary>The tissue is medically unsuitable.</summary>
    Unsuitable = 2,
    FamilyDeclined = 3,
    /// <summary>No bank could recover in time.</summary>
    BankUnavailable = 4,
}
