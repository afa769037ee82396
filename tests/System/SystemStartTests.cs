using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.Registration.V1;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.SystemTests;

/// <summary>The started system: every service answers real tokens, and a killed service comes back by the fixture's restart.</summary>
[Collection(SystemFixture.Collection)]
public sealed class SystemStartTests(SystemFixture system)
{
    [Fact]
    public async Task Services_AfterStart_AnswerCallsWithRealTokens()
    {
        var points = new RegistrationPoints.RegistrationPointsClient(
            system.Channel("registration", await system.TokenAsync("officer.zj", Scopes.Registration)));
        var families = new Families.FamiliesClient(system.Channel("familycare", await system.TokenAsync("care.hz", Scopes.FamilyCare)));

        var listedPoints = await points.ListRegistrationPointsAsync(new ListRegistrationPointsRequest { PageSize = 1 });
        var listedFamilies = await families.ListFamiliesAsync(new ListFamiliesRequest());

        Assert.NotNull(listedPoints);
        Assert.NotNull(listedFamilies);
        foreach (var service in SystemGraph.Services)
        {
            Assert.True(await system.IsHealthyAsync(service), $"{service} is not healthy.");
        }
    }

    [Fact]
    public async Task FamilyCare_WhenKilledAndRestarted_AnswersAgain()
    {
        var families = new Families.FamiliesClient(system.Channel("familycare", await system.TokenAsync("care.hz", Scopes.FamilyCare)));

        await system.KillAsync("familycare");
        var whileDown = await Record.ExceptionAsync(() => families.ListFamiliesAsync(new ListFamiliesRequest()).ResponseAsync);
        await system.RestartAsync("familycare");
        var afterRestart = await families.ListFamiliesAsync(new ListFamiliesRequest());

        Assert.Equal(StatusCode.Unavailable, Assert.IsType<RpcException>(whileDown).StatusCode);
        Assert.NotNull(afterRestart);
    }
}
