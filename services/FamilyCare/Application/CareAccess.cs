namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// Authorisation by role and organisation region (PIPL Art 51): family-care staff work on the families of their region; registry
/// officers are the managers (approve aid, funds and budgets, staff); administrators register staff; auditors only read. Every
/// resource check also requires the resource's region to lie inside the caller's region.
/// </summary>
public static class CareAccess
{
    private static readonly Dictionary<string, Operation[]> Allowed = new(StringComparer.Ordinal)
    {
        [Roles.FamilyCareStaff] = [Operation.ReadCare, Operation.ManageFamilies, Operation.ManageAid, Operation.ManageVisits],
        [Roles.RegistryOfficer] = [Operation.ReadCare, Operation.ApproveAid, Operation.ManageFunds, Operation.ManageVisits, Operation.ManageStaff],
        [Roles.Administrator] = [Operation.ManageStaff],
        [Roles.Auditor] = [Operation.ReadCare],
    };

    public static bool May(string role, Operation operation) =>
        Allowed.TryGetValue(role, out var operations) && operations.Contains(operation);

    /// <summary>PERMISSION_DENIED unless the caller's role allows <paramref name="operation"/>.</summary>
    public static void Require(Caller caller, Operation operation)
    {
        if (!May(caller.Role, operation))
        {
            throw new AccessDeniedException($"Role '{caller.Role}' may not {operation}.", "您的角色无权执行此操作。");
        }
    }

    /// <summary>PERMISSION_DENIED unless the role allows it and <paramref name="region"/> lies inside the caller's region.</summary>
    public static void Require(Caller caller, Operation operation, string region)
    {
        Require(caller, operation);
        if (!Covers(caller, region))
        {
            throw new AccessDeniedException($"Region {region} lies outside your region {caller.Region ?? "(none)"}.",
                "该记录不在您所属地区范围内。");
        }
    }

    public static bool Covers(Caller caller, string region) =>
        RegionCodes.IsWellFormed(caller.Region) && RegionCodes.Contains(caller.Region!, region);
}
