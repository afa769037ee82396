using DonationRegistry.Common;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Who may open the family-care pages (the service still decides each call, region included).</summary>
public static class CareRoles
{
    /// <summary>Staff, their managers (registry officers) and auditors read.</summary>
    public const string Readers = Roles.FamilyCareStaff + "," + Roles.RegistryOfficer + "," + Roles.Auditor;

    /// <summary>Staff and managers plan and record visits.</summary>
    public const string Planners = Roles.FamilyCareStaff + "," + Roles.RegistryOfficer;
}
