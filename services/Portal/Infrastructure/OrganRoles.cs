using DonationRegistry.Common;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Who may open the organ-coordination pages (the service still decides each call and each case).</summary>
public static class OrganRoles
{
    /// <summary>Coordinators run cases; registry officers appoint witnesses and read; auditors read.</summary>
    public const string Readers = Roles.OrganCoordinator + "," + Roles.RegistryOfficer + "," + Roles.Auditor;
}
