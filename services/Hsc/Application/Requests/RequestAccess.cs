using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Requests;
using DonationRegistry.ServiceDefaults;
using R = DonationRegistry.Common.Roles;

namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>
/// Who may do what with donor requests: HSC coordinators of the requesting city (region covering <see cref="DonorRequest.CityRegion"/>)
/// open and drive them; local (county) Red Cross officers whose region covers the donor's region log re-contact attempts and read;
/// auditors read inside their region (the city's or the donor's); everyone else is refused.
/// </summary>
public static class RequestAccess
{
    private static readonly Dictionary<RequestOperation, string[]> Roles = new()
    {
        [RequestOperation.Drive] = [R.HscCoordinator],
        [RequestOperation.RecordAttempt] = [R.HscCoordinator, R.LocalRedCrossOfficer],
        [RequestOperation.Read] = [R.HscCoordinator, R.LocalRedCrossOfficer, R.Auditor],
    };

    /// <summary>Throws PERMISSION_DENIED unless the caller's role may perform <paramref name="operation"/> at all.</summary>
    public static void Require(Caller caller, RequestOperation operation)
    {
        if (!caller.IsInRole(Roles[operation]))
        {
            throw new AccessDeniedException($"Role '{caller.Role}' may not {operation} donor requests.", "您的角色无权执行此操作。");
        }
    }

    /// <summary>Throws PERMISSION_DENIED unless the caller may perform <paramref name="operation"/> on <paramref name="request"/>.</summary>
    public static void Require(Caller caller, RequestOperation operation, DonorRequest request)
    {
        Require(caller, operation);
        if (!Covers(caller, request))
        {
            throw new AccessDeniedException($"You may not act on donor requests of city {request.CityRegion}.", "您无权操作该申请。");
        }
    }

    /// <summary>Whether the caller's organisation covers the request for its role.</summary>
    public static bool Covers(Caller caller, DonorRequest request) => caller.Role switch
    {
        R.HscCoordinator => AccessPolicy.Covers(caller, request.CityRegion),
        R.LocalRedCrossOfficer => AccessPolicy.Covers(caller, request.DonorRegion),
        R.Auditor => AccessPolicy.Covers(caller, request.CityRegion) || AccessPolicy.Covers(caller, request.DonorRegion),
        _ => false,
    };
}
