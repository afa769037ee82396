extern alias organ;

using System.Security.Cryptography;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using DonationRegistry.TestSupport.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Xunit;
using OrganDbContext = organ::DonationRegistry.OrganCoordination.Infrastructure.OrganDbContext;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Issue #9: no log line, event or response shows a plaintext ID number (<see cref="IdNumberScan"/>). A second instance of the
/// service on the fixture's database, logging at its configured levels into the scan, walks an organ case
/// of a registered volunteer to COMPLETED (registry check by ID number on the Registration service), refers a second donor, and
/// is refused a duplicate referral and a wrong check character, while a tap on the broker collects the published events.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class LogScanTests(OrganFixture fixture)
{
    private static readonly string[] Events = ["OrganDonationCompleted", "RegistrantDeceased", "DonationOutcomeRecorded"];

    [Fact]
    public async Task CaseWork_WithIdNumbers_LeavesNoPlaintextIdNumberInLogsEventsOrResponses()
    {
        var scan = new IdNumberScan();
        await using var scope = fixture.Organ.Services.CreateAsyncScope();
        await using var host = new ServiceHost<OrganDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:organdb"] = scope.ServiceProvider.GetRequiredService<OrganDbContext>().Database.GetConnectionString(),
            ["ConnectionStrings:messaging"] = fixture.BrokerConnectionString,
            ["Messaging:ServiceName"] = "organlogscan-" + Guid.NewGuid().ToString("N")[..8],
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
            ["Identity:Authority"] = fixture.Identity.Authority,
            ["OrganCoordination:ClientSecret"] = IdentityServer.ClientSecrets["organcoordination"],
            ["Registry:Address"] = "http://localhost",
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }, services =>
        {
            services.AddSingleton<ILoggerProvider>(scan.Logs);
            services.Configure<HttpClientFactoryOptions>("RegistryClient",
                o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = fixture.Gate.CreateHandler()));
        });
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, Events);
        var steps = new CaseSteps(fixture, host);
        var registered = scan.Use(People.NewIdNumber());
        var other = scan.Use(People.NewIdNumber());
        var wrongCheck = scan.Use(TestIdNumbers.WithWrongCheckCharacter(People.NewIdNumber()));
        await fixture.RegisteredVolunteerAsync(registered);

        var completed = scan.Response(await steps.InStateAsync(OrganCaseState.Completed, registered));
        var referred = scan.Response(await steps.ReferAsync(other));
        scan.Response(await (await steps.CoordinatorAsync()).GetOrganCaseAsync(new GetOrganCaseRequest
        {
            Name = referred.Name, Purpose = CaseSteps.Purpose,
        }));
        await scan.RefusalAsync(() => steps.ReferAsync(wrongCheck));
        var id = completed.Name["organCases/".Length..];
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            tap.Received("OrganDonationCompleted").Any(b => b.Contains(id, StringComparison.Ordinal)))), "OrganDonationCompleted not on the broker");

        scan.AssertNoLeaks(Events.SelectMany(tap.Received));
    }
}
