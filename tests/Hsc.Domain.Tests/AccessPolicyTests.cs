using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Application;
using DonationRegistry.ServiceDefaults;
using Xunit;

namespace DonationRegistry.Hsc.Domain.Tests;

public sealed class AccessPolicyTests
{
    [Theory]
    [InlineData(Roles.HscCoordinator, "330100", "330106", true)]
    [InlineData(Roles.HscCoordinator, "330100", "330100", true)]
    [InlineData(Roles.HscCoordinator, "330200", "330106", false)]
    [InlineData(Roles.HscCoordinator, "330000", "331102", true)]
    [InlineData(Roles.LocalRedCrossOfficer, "330106", "330106", true)]
    [InlineData(Roles.LocalRedCrossOfficer, "330106", "330105", false)]
    [InlineData(Roles.RegistryOfficer, "330100", "330182", true)]
    [InlineData(Roles.Auditor, "330200", "330106", false)]
    [InlineData(Roles.HscCoordinator, "", "330106", false)]
    [InlineData(Roles.HscCoordinator, "33", "330106", false)]
    public void Covers_WhenTheDonorIsInOrOutsideTheCallersRegion_Decides(string role, string callerRegion, string donorRegion, bool covered)
    {
        var caller = new Caller("u1", role, "city", "ORG", callerRegion);

        Assert.Equal(covered, AccessPolicy.Covers(caller, donorRegion));
    }

    [Theory]
    [InlineData(Roles.HscCoordinator, Operation.ManageDonors, true)]
    [InlineData(Roles.RegistryOfficer, Operation.ManageDonors, false)]
    [InlineData(Roles.Auditor, Operation.ReadSearches, true)]
    [InlineData(Roles.Auditor, Operation.Search, false)]
    [InlineData(Roles.Administrator, Operation.ReloadRelease, true)]
    [InlineData(Roles.HscCoordinator, Operation.ReloadRelease, false)]
    [InlineData(Roles.RegistrationClerk, Operation.ReadDonors, false)]
    [InlineData(Roles.CollectionHospitalStaff, Operation.UseHlaTools, false)]
    public void Require_WhenTheRoleIsOrIsNotInTheTable_AllowsOrDenies(string role, Operation operation, bool allowed)
    {
        var caller = new Caller("u1", role, "city", "ORG", "330100");

        if (allowed)
        {
            AccessPolicy.Require(caller, operation);
        }
        else
        {
            Assert.Throws<AccessDeniedException>(() => AccessPolicy.Require(caller, operation));
        }
    }
}
