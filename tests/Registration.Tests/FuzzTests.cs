using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport.Security;
using Xunit;
using Xunit.Abstractions;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// Issue #9's input fuzzing on every Registration rpc (the rules: <see cref="RpcFuzzer"/>): 60 requests per rpc by default (≈ 1,300
/// in all, well under 3 minutes on a loaded 2-core machine); env FUZZ_REQUESTS_PER_RPC and FUZZ_SEED change the count and seed.
/// Callers: the provincial officer, the Hangzhou officer, the clerk of an active point and an auditor; the point and a registered
/// volunteer are there to be hit.
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class FuzzTests(RegistrationFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryRpc_WhenSentRandomAndBoundaryInput_NeverFailsInternallyOrWritesWhenRefused()
    {
        var point = await fixture.CreateActivePointAsync();
        var registration = await new RegistrationSteps(fixture).RegisteredAsync(point);
        var idNumber = TestPeople.NewIdNumber();
        var run = new FuzzRun(fixture.Host.Channel,
            [await fixture.ProvincialOfficerTokenAsync(), await fixture.OfficerTokenAsync(), point.ClerkToken, await fixture.AuditorTokenAsync()],
            RegistrationReflection.Descriptor.Services, fixture.ConnectionString, RpcFuzzer.HttpHealth(() => fixture.Host.Http()))
        {
            KnownStrings = [point.Name, point.Code, registration.Name, registration.RegistrationNumber, idNumber, "330106", "330100"],
            FieldValues = new Dictionary<string, string[]>
            {
                ["name"] = [registration.Name, point.Name], ["registration_point"] = [point.Name], ["region_code"] = ["330106", "330100"],
                ["registration_number"] = [registration.RegistrationNumber], ["id_number"] = [idNumber, TestPeople.NewIdNumber()],
                ["full_name"] = ["张三"], ["phone"] = ["13800138000"],
            },
            RequestsPerRpc = RpcFuzzer.RequestsPerRpc(60),
        };

        var report = await RpcFuzzer.RunAsync(run);

        output.WriteLine(report.Summary());
        Assert.True(report.Failures.Count == 0, string.Join(Environment.NewLine, report.Failures));
    }
}
