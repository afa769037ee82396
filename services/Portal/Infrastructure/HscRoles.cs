using DonationRegistry.Common;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Who may open the HSC pages (the HSC service still decides each call, each request and each case).</summary>
public static class HscRoles
{
    /// <summary>Only the city's HSC coordinators search the donor pool.</summary>
    public const string Searchers = Roles.HscCoordinator;

    /// <summary>Coordinators drive donor requests, local (county) officers re-contact donors, auditors read.</summary>
    public const string RequestReaders = Roles.HscCoordinator + "," + Roles.LocalRedCrossOfficer + "," + Roles.Auditor;

    /// <summary>The three parties of a collection case, and auditors who read.</summary>
    public const string CaseReaders = Roles.HscCoordinator + "," + Roles.LocalRedCrossOfficer + "," + Roles.CollectionHospitalStaff + "," + Roles.Auditor;
}
