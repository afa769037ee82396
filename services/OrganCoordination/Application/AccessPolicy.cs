using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// Who may do what, and where — the one place the OrganCoordination service decides it (DOMAIN.md section 1, issue 6):
/// organ coordinators open and run cases — a hospital coordinator (organisation type "hospital") the cases of their own hospital, a
/// Red Cross coordinator the cases inside their region; the provincial Red Cross (registry officer of 330000) appoints witnesses;
/// registry officers and auditors read cases inside their region; registry officers (inside their region) and administrators
/// manage credentials, auditors read them; every other role has no business here.
/// </summary>
public static class AccessPolicy
{
    public const string HospitalOrgType = "hospital";

    private static readonly Dictionary<Operation, string[]> Allowed = new()
    {
        [Operation.OpenCases] = [Roles.OrganCoordinator],
        [Operation.RunCases] = [Roles.OrganCoordinator],
        [Operation.AssignWitnesses] = [Roles.RegistryOfficer],
        [Operation.ReadCases] = [Roles.OrganCoordinator, Roles.RegistryOfficer, Roles.Auditor],
        [Operation.ManageCredentials] = [Roles.RegistryOfficer, Roles.Administrator],
        [Operation.ReadCredentials] = [Roles.RegistryOfficer, Roles.Administrator, Roles.Auditor],
        [Operation.RunUnitSteps] = [Roles.ReceivingUnitStaff],
        [Operation.ReadDonationCases] = [Roles.OrganCoordinator, Roles.RegistryOfficer, Roles.Auditor, Roles.ReceivingUnitStaff],
        [Operation.ManageReceivingUnits] = [Roles.RegistryOfficer, Roles.Administrator],
        [Operation.ReadReceivingUnits] = [Roles.OrganCoordinator, Roles.RegistryOfficer, Roles.Administrator, Roles.Auditor, Roles.ReceivingUnitStaff],
        [Operation.RecordMemorials] = [Roles.OrganCoordinator],
        [Operation.ReadMemorials] = [Roles.OrganCoordinator, Roles.RegistryOfficer, Roles.Auditor],
        [Operation.ReadDueItems] = [Roles.OrganCoordinator, Roles.RegistryOfficer, Roles.Auditor, Roles.ReceivingUnitStaff],
        [Operation.ReadStatistics] = [Roles.RegistryOfficer, Roles.Administrator, Roles.Auditor],
    };

    public static IReadOnlyList<string> RolesFor(Operation operation) => Allowed[operation];

    /// <summary>Throws PERMISSION_DENIED unless the caller's role may perform <paramref name="operation"/> somewhere.</summary>
    public static void Require(Caller caller, Operation operation)
    {
        if (!caller.IsInRole(Allowed[operation]))
        {
            throw new AccessDeniedException($"Role '{caller.Role}' may not {operation}.", "您的角色无权执行此操作。");
        }
        if (operation == Operation.AssignWitnesses && caller.Region != RegionCodes.Province)
        {
            throw new AccessDeniedException("Only the provincial Red Cross appoints witnesses.", "见证人由省红十字会指派。");
        }
    }

    /// <summary>Throws PERMISSION_DENIED unless the caller may act on a case of <paramref name="hospitalId"/> in <paramref name="regionCode"/>.</summary>
    public static void RequireCase(Caller caller, Operation operation, string hospitalId, string regionCode)
    {
        Require(caller, operation);
        if (!Covers(caller, hospitalId, regionCode))
        {
            throw new AccessDeniedException($"You may not act on cases of {hospitalId} in region {regionCode}.", "您无权操作该案例。");
        }
    }

    public static void RequireCase(Caller caller, Operation operation, OrganDonationCase donationCase) =>
        RequireCase(caller, operation, donationCase.HospitalId, donationCase.RegionCode);

    public static void RequireCredential(Caller caller, Operation operation, CoordinatorCredential credential)
    {
        Require(caller, operation);
        if (caller.Role == Roles.RegistryOfficer && !InRegion(caller, credential.RegionCode))
        {
            throw new AccessDeniedException($"You may not act on credentials in region {credential.RegionCode}.", "您无权操作该地区的协调员资格。");
        }
    }

    public static void RequireCredentialRegion(Caller caller, Operation operation, string regionCode)
    {
        Require(caller, operation);
        if (caller.Role == Roles.RegistryOfficer && !InRegion(caller, regionCode))
        {
            throw new AccessDeniedException($"You may not act on credentials in region {regionCode}.", "您无权操作该地区的协调员资格。");
        }
    }

    /// <summary>
    /// Throws PERMISSION_DENIED unless the caller may perform <paramref name="operation"/> on a body or tissue case: the receiving
    /// unit's staff on their own unit's cases, everyone else as for organ cases (organisation or region).
    /// </summary>
    public static void RequireDonationCase(Caller caller, Operation operation, string orgId, string regionCode, string? unitId)
    {
        Require(caller, operation);
        if (!CoversDonation(caller, orgId, regionCode, unitId))
        {
            throw new AccessDeniedException($"You may not act on cases of {orgId} in region {regionCode}.", "您无权操作该案例。");
        }
    }

    /// <summary>Whether the caller covers a body or tissue case (the unit's staff: their own unit only).</summary>
    public static bool CoversDonation(Caller caller, string orgId, string regionCode, string? unitId) =>
        caller.Role == Roles.ReceivingUnitStaff
            ? unitId is not null && string.Equals(caller.OrgId, unitId, StringComparison.Ordinal)
            : Covers(caller, orgId, regionCode);

    /// <summary>Throws PERMISSION_DENIED unless an officer acts inside their region (administrators everywhere).</summary>
    public static void RequireRegion(Caller caller, Operation operation, string regionCode)
    {
        Require(caller, operation);
        if (caller.Role != Roles.Administrator && !InRegion(caller, regionCode))
        {
            throw new AccessDeniedException($"You may not act in region {regionCode}.", "您无权操作该地区的记录。");
        }
    }

    /// <summary>Whether the caller's organisation covers a case (for filtering lists as well as for single records).</summary>
    public static bool Covers(Caller caller, string hospitalId, string regionCode) =>
        caller.Role == Roles.OrganCoordinator && caller.OrgType == HospitalOrgType
            ? string.Equals(caller.OrgId, hospitalId, StringComparison.Ordinal)
            : InRegion(caller, regionCode);

    /// <summary>The region prefix the caller may see ("33" for the province), or null when they may see none.</summary>
    public static string? RegionPrefix(Caller caller) =>
        caller.Region is { } region && RegionCodes.IsZhejiang(region) ? RegionCodes.ScopePrefix(region) : null;

    public static bool InRegion(Caller caller, string regionCode) =>
        RegionPrefix(caller) is { } prefix && regionCode.StartsWith(prefix, StringComparison.Ordinal);
}
