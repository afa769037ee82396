using DonationRegistry.Common.Errors;
using DonationRegistry.Common;
using DonationRegistry.ServiceDefaults;
using R = DonationRegistry.Common.Roles;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// Who may do what, and where — the one place the HSC service decides it (issue #4, brief C point 5):
/// HSC coordinators (city Red Cross) manage the donors of their region and search the whole pool; registry officers read the donors
/// of their region; local (county) officers read the donors of their county; auditors read inside their region and the search
/// history; administrators reload the IMGT/HLA release; every other role has no business here. Donor scoping is by the donor's
/// region code under the caller's region (330000 → "33…", 330100 → "3301…", 330106 → "330106").
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<Operation, string[]> Roles = new()
    {
        [Operation.ManageDonors] = [R.HscCoordinator],
        [Operation.ReadDonors] = [R.HscCoordinator, R.RegistryOfficer, R.LocalRedCrossOfficer, R.Auditor],
        [Operation.Search] = [R.HscCoordinator],
        [Operation.ReadSearches] = [R.HscCoordinator, R.Auditor],
        [Operation.UseHlaTools] = [R.HscCoordinator, R.RegistryOfficer, R.LocalRedCrossOfficer, R.Auditor, R.Administrator],
        [Operation.ReloadRelease] = [R.Administrator],
    };

    /// <summary>The roles allowed an operation at all (before the region check).</summary>
    public static IReadOnlyList<string> RolesFor(Operation operation) => Roles[operation];

    /// <summary>Throws PERMISSION_DENIED unless the caller's role may perform <paramref name="operation"/> somewhere.</summary>
    public static void Require(Caller caller, Operation operation)
    {
        if (!caller.IsInRole(Roles[operation]))
        {
            throw new AccessDeniedException($"Role '{caller.Role}' may not {operation}.", "您的角色无权执行此操作。");
        }
    }

    /// <summary>Throws PERMISSION_DENIED unless the caller may perform <paramref name="operation"/> on a donor of
    /// <paramref name="donorRegion"/>.</summary>
    public static void Require(Caller caller, Operation operation, string donorRegion)
    {
        Require(caller, operation);
        if (!Covers(caller, donorRegion))
        {
            throw new AccessDeniedException($"You may not act on donors of region {donorRegion}.", "您无权操作该地区的捐献者。");
        }
    }

    /// <summary>Whether the caller's organisation covers a donor of <paramref name="donorRegion"/>.</summary>
    public static bool Covers(Caller caller, string donorRegion) =>
        RegionPrefix(caller) is { } prefix && donorRegion.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>The region prefix of the donors the caller may see, or null when none (no or malformed region claim).</summary>
    public static string? RegionPrefix(Caller caller) =>
        RegionCodes.IsWellFormed(caller.Region) ? RegionCodes.ScopePrefix(caller.Region!) : null;
}
