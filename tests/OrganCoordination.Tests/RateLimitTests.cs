extern alias organ;

using System.Security.Cryptography;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using OrganDbContext = organ::DonationRegistry.OrganCoordination.Infrastructure.OrganDbContext;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// The public rpcs — the coordinator credential check (协调员证书查询) and the memorial list (缅怀纪念墙) — are rate-limited per client
/// address and rpc: a second instance of the service on the fixture's database with a limit of 3 per minute answers the fourth call
/// with RESOURCE_EXHAUSTED, while the protected rpcs, and the other public rpc, of the same caller address are not limited.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class RateLimitTests(OrganFixture fixture)
{
    [Fact]
    public async Task CheckCredential_WhenCalledMoreOftenThanTheLimit_IsRefusedWithResourceExhausted()
    {
        await using var limited = await LimitedOrganAsync(3);
        var anonymous = new CoordinatorCredentials.CoordinatorCredentialsClient(limited.Channel());
        var request = new CheckCredentialRequest { Number = "ZJ-000000-0" };

        for (var i = 0; i < 3; i++)
        {
            Assert.False((await anonymous.CheckCredentialAsync(request)).Active);
        }
        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => anonymous.CheckCredentialAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task ProtectedRpcs_WhenThePublicCheckIsExhausted_AreNotLimited()
    {
        await using var limited = await LimitedOrganAsync(1);
        var anonymous = new CoordinatorCredentials.CoordinatorCredentialsClient(limited.Channel());
        await anonymous.CheckCredentialAsync(new CheckCredentialRequest { Number = "ZJ-000000-0" });
        var officer = new ReceivingUnits.ReceivingUnitsClient(limited.Channel(await fixture.ProvincialOfficerTokenAsync()));

        for (var i = 0; i < 3; i++)
        {
            await officer.ListReceivingUnitsAsync(new ListReceivingUnitsRequest());
        }
        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () =>
            anonymous.CheckCredentialAsync(new CheckCredentialRequest { Number = "ZJ-000000-0" }).ResponseAsync);
    }

    [Fact]
    public async Task ListMemorials_WhenCalledMoreOftenThanTheLimit_IsRefusedWithResourceExhausted()
    {
        await using var limited = await LimitedOrganAsync(3);
        var anonymous = new Memorials.MemorialsClient(limited.Channel());
        var request = new ListMemorialsRequest { Site = "纪念园-" + Guid.NewGuid().ToString("N")[..6] };

        for (var i = 0; i < 3; i++)
        {
            Assert.Empty((await anonymous.ListMemorialsAsync(request)).Memorials);
        }
        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => anonymous.ListMemorialsAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task ListMemorials_WhenTheCredentialCheckIsExhausted_StillAnswers()
    {
        await using var limited = await LimitedOrganAsync(1);
        var credentials = new CoordinatorCredentials.CoordinatorCredentialsClient(limited.Channel());
        await credentials.CheckCredentialAsync(new CheckCredentialRequest { Number = "ZJ-000000-0" });
        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () =>
            credentials.CheckCredentialAsync(new CheckCredentialRequest { Number = "ZJ-000000-0" }).ResponseAsync);

        var list = await new Memorials.MemorialsClient(limited.Channel()).ListMemorialsAsync(new ListMemorialsRequest { Site = "纪念园-none" });

        Assert.Empty(list.Memorials);
    }

    private async Task<ServiceHost<OrganDbContext>> LimitedOrganAsync(int callsPerMinute)
    {
        await using var scope = fixture.Organ.Services.CreateAsyncScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<OrganDbContext>().Database.GetConnectionString();
        var host = new ServiceHost<OrganDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:organdb"] = connectionString,
            ["ConnectionStrings:messaging"] = fixture.BrokerConnectionString,
            ["Messaging:ServiceName"] = "organlimited-" + Guid.NewGuid().ToString("N")[..8],
            ["Identity:Authority"] = fixture.Identity.Authority,
            ["OrganCoordination:ClientSecret"] = IdentityServer.ClientSecrets["organcoordination"],
            ["OrganCoordination:PublicCallsPerMinute"] = callsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Registry:Address"] = "http://localhost",
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _ = host.Server;
        return host;
    }
}
