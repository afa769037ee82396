using DonationRegistry.Common;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Which areas of the Portal each role may use; the navigation shows only these (the services still decide every call).</summary>
public static class Areas
{
    public const string Desk = "desk";
    public const string Registry = "registry";
    public const string Care = "care";
    public const string Organ = "organ";
    /// <summary>Users and roles, the audit log (administrators; auditors see the audit log only).</summary>
    public const string Admin = "admin";
    public const string Hsc = "hsc";

    private static readonly Dictionary<string, string[]> ByRole = new(StringComparer.Ordinal)
    {
        [Roles.RegistrationClerk] = [Desk],
        [Roles.RegistryOfficer] = [Registry, Care, Organ],
        [Roles.Auditor] = [Registry, Care, Organ, Hsc],
        [Roles.OrganCoordinator] = [Organ],
        [Roles.FamilyCareStaff] = [Care],
        [Roles.Administrator] = [Admin],
        [Roles.HscCoordinator] = [Hsc],
        [Roles.LocalRedCrossOfficer] = [Hsc],
        [Roles.CollectionHospitalStaff] = [Hsc],
    };

    public static IReadOnlyList<string> For(string role) => ByRole.TryGetValue(role, out var areas) ? areas : [];

    public static bool May(string role, string area) => For(role).Contains(area, StringComparer.Ordinal);
}
