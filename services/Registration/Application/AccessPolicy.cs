using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Who may do what, and where — the one place the Registration service decides it (DOMAIN.md section 1, issue #3):
/// clerks act only for their own point (its staff list, or the point code as their organisation); registry officers act inside
/// their region (a city officer its city and counties, the provincial officer everything) and are the only ones who manage points
/// and confirm registrations; auditors read inside their region and change nothing; every other role has no business here.
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<Operation, string[]> Roles = new()
    {
        [Operation.ManagePoints] = [Common.Roles.RegistryOfficer],
        [Operation.ReadPoints] = [Common.Roles.RegistrationClerk, Common.Roles.RegistryOfficer, Common.Roles.Auditor],
        [Operation.EnterRegistrations] = [Common.Roles.RegistrationClerk, Common.Roles.RegistryOfficer],
        [Operation.ConfirmRegistrations] = [Common.Roles.RegistryOfficer],
        [Operation.ReadRegistrations] = [Common.Roles.RegistrationClerk, Common.Roles.RegistryOfficer, Common.Roles.Auditor],
        [Operation.ReadStatistics] = [Common.Roles.RegistrationClerk, Common.Roles.RegistryOfficer, Common.Roles.Auditor],
    };

    /// <summary>The roles allowed an operation at all (before the organisation check).</summary>
    public static IReadOnlyList<string> RolesFor(Operation operation) => Roles[operation];

    /// <summary>Throws PERMISSION_DENIED unless the caller's role may perform <paramref name="operation"/> somewhere.</summary>
    public static void Require(Caller caller, Operation operation)
    {
        if (!caller.IsInRole(Roles[operation]))
        {
            throw new AccessDeniedException($"Role '{caller.Role}' may not {operation}.", "您的角色无权执行此操作。");
        }
    }

    /// <summary>Throws PERMISSION_DENIED unless the caller may perform <paramref name="operation"/> at <paramref name="point"/>.</summary>
    public static void Require(Caller caller, Operation operation, RegistrationPoint point)
    {
        Require(caller, operation);
        if (!Covers(caller, point))
        {
            throw new AccessDeniedException($"You may not act for registration point {point.Code}.", "您无权操作该登记点的数据。");
        }
    }

    /// <summary>Throws PERMISSION_DENIED unless the caller may perform <paramref name="operation"/> in <paramref name="regionCode"/>
    /// (for records without a point, e.g. online registrations, and for region-level queries).</summary>
    public static void RequireRegion(Caller caller, Operation operation, string regionCode)
    {
        Require(caller, operation);
        if (caller.Role == Common.Roles.RegistrationClerk || !InRegion(caller, regionCode))
        {
            throw new AccessDeniedException($"You may not act in region {regionCode}.", "您无权操作该地区的数据。");
        }
    }

    /// <summary>Whether the caller's organisation covers the point (for filtering lists as well as for single records).</summary>
    public static bool Covers(Caller caller, RegistrationPoint point) =>
        caller.Role == Common.Roles.RegistrationClerk
            ? point.HasStaff(caller.Subject) || string.Equals(caller.OrgId, point.Code, StringComparison.Ordinal)
            : InRegion(caller, point.RegionCode);

    /// <summary>The region prefix a non-clerk caller may see ("33" for the province), or null when they may see none.</summary>
    public static string? RegionPrefix(Caller caller) =>
        caller.Region is { } region && RegionCodes.IsZhejiang(region) ? RegionCodes.ScopePrefix(region) : null;

    private static bool InRegion(Caller caller, string regionCode) =>
        RegionPrefix(caller) is { } prefix && regionCode.StartsWith(prefix, StringComparison.Ordinal);
}
