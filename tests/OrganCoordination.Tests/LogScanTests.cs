extern alias organ;

using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using DonationRegistry.TestSupport.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
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
        await using var scanned = new ScannedService<OrganDbContext>("organdb", fixture.Identity.Authority, Events,
            await fixture.WithOrganDbAsync(db => Task.FromResult(db.Database.GetConnectionString())),
            new Dictionary<string, string?>
            {
                ["OrganCoordination:ClientSecret"] = IdentityServer.ClientSecrets["organcoordination"],
                ["Registry:Address"] = "http://localhost",
            },
            services => services.Configure<HttpClientFactoryOptions>("RegistryClient",
                o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = fixture.Gate.CreateHandler())));
        await scanned.StartAsync();
        var (scan, host, tap) = (scanned.Scan, scanned.Host, scanned.Tap);
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

        scanned.AssertNoLeaks();
    }
}
