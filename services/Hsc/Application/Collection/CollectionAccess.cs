using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Collection;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>
/// Who may see collection cases: the three parties of a case (city coordinator of its city, local officer of its county, staff of its
/// hospital) and auditors whose region covers the city; who may change what is the procedure's business
/// (<see cref="CollectionProcedure.PartiesFor"/>). Statistics: coordinators, registry officers and auditors of the region.
/// </summary>
public static class CollectionAccess
{
    /// <summary>The roles with any business in the collection API.</summary>
    public static IReadOnlyList<string> CaseRoles { get; } =
        [Roles.HscCoordinator, Roles.LocalRedCrossOfficer, Roles.CollectionHospitalStaff, Roles.Auditor];

    public static IReadOnlyList<string> StatisticsRoles { get; } = [Roles.HscCoordinator, Roles.RegistryOfficer, Roles.Auditor];

    /// <summary>PERMISSION_DENIED for a role with no business with collection cases (before any validation).</summary>
    public static void RequireCaseRole(Caller caller)
    {
        if (!caller.IsInRole([.. CaseRoles]))
        {
            throw new AccessDeniedException($"Role '{caller.Role}' has no access to collection cases.", "您的角色无权访问采集案例。");
        }
    }

    /// <summary>PERMISSION_DENIED unless the caller is a party of the case or an auditor covering its city.</summary>
    public static void RequireRead(Caller caller, CollectionCase c)
    {
        if (!MayRead(caller, c))
        {
            throw new AccessDeniedException($"You are not a party of collection case {c.Id}.", "您不是该采集案例的参与方。");
        }
    }

    public static bool MayRead(Caller caller, CollectionCase c) =>
        c.PartyOf(caller.ToActor()) is not null
        || (caller.Role == Roles.Auditor && RegionCodes.IsWellFormed(caller.Region) && RegionCodes.Contains(caller.Region!, c.CityRegion));

    /// <summary>The cases the caller may see (the filter of lists and due lists).</summary>
    public static IQueryable<CollectionCase> Visible(HscDbContext db, Caller caller)
    {
        var region = caller.Region ?? "";
        var org = caller.OrgId ?? "";
        return caller.Role switch
        {
            Roles.HscCoordinator => db.CollectionCases.Where(c => c.CityRegion == region),
            Roles.LocalRedCrossOfficer => db.CollectionCases.Where(c => c.LocalRegion == region),
            Roles.CollectionHospitalStaff => db.CollectionCases.Where(c => c.HospitalOrgId == org),
            Roles.Auditor when RegionCodes.IsWellFormed(region) => db.CollectionCases.Where(c => c.CityRegion.StartsWith(RegionCodes.ScopePrefix(region))),
            _ => db.CollectionCases.Where(c => false),
        };
    }
}
