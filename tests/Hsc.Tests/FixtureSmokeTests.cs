using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

[Collection(HscFixture.Collection)]
public sealed class FixtureSmokeTests(HscFixture fixture)
{
    [Fact]
    public async Task EnrolAsync_WhenTheEventCrossesTheBroker_CreatesAnEnrolledDonorVisibleToItsCoordinator()
    {
        var id = await fixture.EnrolAsync("330106", 1990, "Female");
        var client = fixture.Client<DonorPool.DonorPoolClient>(await fixture.CoordinatorTokenAsync("330100"));

        var donor = await client.GetDonorAsync(new GetDonorRequest { Name = $"donors/{id}", Purpose = "test" });

        Assert.Equal(DonorStatus.Enrolled, donor.Status);
        Assert.Equal(1990, donor.BirthYear);
        Assert.Equal(Sex.Female, donor.Sex);
        Assert.Contains("RecordSample", donor.AllowedTriggers);
    }

    [Fact]
    public async Task GetDonor_WhenAnonymous_IsUnauthenticated()
    {
        var client = fixture.Client<DonorPool.DonorPoolClient>(null);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated,
            async () => await client.GetDonorAsync(new GetDonorRequest { Name = $"donors/{Guid.NewGuid()}", Purpose = "test" }));
    }
}
