using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.ServiceDefaults;
using Xunit;

namespace DonationRegistry.Registration.Domain.Tests;

public sealed class AccessPolicyTests
{
    private static readonly RegistrationPoint HangzhouPoint = NewPoint("RP-330106-0001", "330106", staff: "clerk-1");

    private static RegistrationPoint NewPoint(string code, string region, string staff)
    {
        var point = new RegistrationPoint(Guid.CreateVersion7(), code,
            new PointDetails("浙江民生社会养老服务中心", "浙江民生", PointKind.ElderCare, region, "杭州市西湖区", "0571-88888888",
                [PointService.Registration]),
            new Actor("officer", Roles.RegistryOfficer, "RC-330100", "330100"), DateTimeOffset.UnixEpoch);
        point.AssignStaff(staff);
        return point;
    }

    public static TheoryData<string, Caller, Operation, bool> Cases() => new()
    {
        { "clerk on the staff list", new Caller("clerk-1", Roles.RegistrationClerk, "registration_point", "RP-330106-0009", "330106"), Operation.EnterRegistrations, true },
        { "clerk whose org is the point", new Caller("clerk-2", Roles.RegistrationClerk, "registration_point", "RP-330106-0001", "330106"), Operation.EnterRegistrations, true },
        { "clerk of another point in the same district", new Caller("clerk-3", Roles.RegistrationClerk, "registration_point", "RP-330106-0002", "330106"), Operation.EnterRegistrations, false },
        { "clerk may not confirm", new Caller("clerk-1", Roles.RegistrationClerk, "registration_point", "RP-330106-0001", "330106"), Operation.ConfirmRegistrations, false },
        { "clerk may not manage points", new Caller("clerk-1", Roles.RegistrationClerk, "registration_point", "RP-330106-0001", "330106"), Operation.ManagePoints, false },
        { "Hangzhou officer", new Caller("o1", Roles.RegistryOfficer, "city", "RC-330100", "330100"), Operation.ConfirmRegistrations, true },
        { "Ningbo officer", new Caller("o2", Roles.RegistryOfficer, "city", "RC-330200", "330200"), Operation.ConfirmRegistrations, false },
        { "provincial officer", new Caller("o3", Roles.RegistryOfficer, "province", "RC-330000", "330000"), Operation.ManagePoints, true },
        { "auditor reads", new Caller("a1", Roles.Auditor, "province", "AUDIT", "330000"), Operation.ReadRegistrations, true },
        { "auditor changes nothing", new Caller("a1", Roles.Auditor, "province", "AUDIT", "330000"), Operation.EnterRegistrations, false },
        { "HSC coordinator has no business here", new Caller("h1", Roles.HscCoordinator, "city", "RC-330100", "330100"), Operation.ReadRegistrations, false },
        { "administrator sees no registry data", new Caller("ad", Roles.Administrator, "province", "IT", "330000"), Operation.ReadRegistrations, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Require_WhenCallerAndPoint_AllowsOnlyWhatTheTableSays(string who, Caller caller, Operation operation, bool allowed)
    {
        var act = () => AccessPolicy.Require(caller, operation, HangzhouPoint);

        if (allowed)
        {
            act();
        }
        else
        {
            Assert.Throws<AccessDeniedException>(act);
        }
        _ = who; // names the case in the test output
    }
}
