using DonationRegistry.Common;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Who may open the admin pages (Identity and the services still decide each call).</summary>
public static class AdminRoles
{
    /// <summary>Users and roles: administrators only.</summary>
    public const string UserAdmins = Roles.Administrator;

    /// <summary>The audit log: administrators and auditors (supervision).</summary>
    public const string AuditReaders = Roles.Administrator + "," + Roles.Auditor;

    /// <summary>The organisation kinds offered when assigning a role (Identity accepts any lower-case word; these are the ones in use).</summary>
    public static IReadOnlyList<string> OrgTypes { get; } =
        ["registration_point", "county", "city", "province", "hospital", "receiving_unit"];
}
