using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport.Security;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>
/// Issue #9's input fuzzing on every FamilyCare (小桔灯) rpc (the rules: <see cref="RpcFuzzer"/>): 60 requests per rpc by default
/// (≈ 2,200 in all, well under 3 minutes on a loaded 2-core machine); env FUZZ_REQUESTS_PER_RPC and FUZZ_SEED change the count and seed.
/// Callers: the provincial manager and a Hangzhou family-care worker; an enrolled family with a child and a staff member are there
/// to be hit.
/// </summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class FuzzTests(FamilyCareFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryRpc_WhenSentRandomAndBoundaryInput_NeverFailsInternallyOrWritesWhenRefused()
    {
        var (family, child) = await fixture.FamilyWithChildAsync();
        var (staffId, _) = await fixture.NewStaffMemberAsync();
        var connectionString = await fixture.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var run = new FuzzRun(fixture.Host.Channel,
            [await fixture.ManagerTokenAsync(RegionCodes.Province), await fixture.StaffTokenAsync()],
            FamilycareReflection.Descriptor.Services, connectionString, RpcFuzzer.HttpHealth(() => fixture.Host.Http()))
        {
            KnownStrings = [family, child, "staffMembers/" + staffId, FamilyCareFixture.County, FamilyCareFixture.City, RegionCodes.Province],
            FieldValues = new Dictionary<string, string[]>
            {
                ["name"] = [family], ["family"] = [family], ["child_id"] = [child], ["staff_member"] = ["staffMembers/" + staffId],
                ["region_code"] = [FamilyCareFixture.County, FamilyCareFixture.City],
            },
            RequestsPerRpc = RpcFuzzer.RequestsPerRpc(60),
        };

        var report = await RpcFuzzer.RunAsync(run);

        output.WriteLine(report.Summary());
        Assert.True(report.Failures.Count == 0, string.Join(Environment.NewLine, report.Failures));
    }
}
