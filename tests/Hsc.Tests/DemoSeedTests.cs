extern alias hsc;

using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DemoDonorSeeder = hsc::DonationRegistry.Hsc.Seeding.DemoDonorSeeder;
using HscDbContext = hsc::DonationRegistry.Hsc.Infrastructure.HscDbContext;

namespace DonationRegistry.Hsc.Tests;

[Collection(HscFixture.Collection)]
public sealed class DemoSeedTests(HscFixture fixture)
{
    [Fact]
    public async Task SeedDemoData_WhenStartedTwice_SeedsThirtySixSearchableDonorsOnce()
    {
        await using var database = new FreshDatabase();
        await database.InitializeAsync();
        try
        {
            for (var start = 0; start < 2; start++)
            {
                var settings = HscFixture.Settings(database.ConnectionString, fixture.BrokerConnectionString, fixture.MessagingServiceName + "-seed",
                    fixture.Identity.Authority);
                settings["Hsc:SeedDemoData"] = "true";
                await using var host = new ServiceHost<HscDbContext>(settings);
                _ = host.Server;
                await host.WaitUntilHealthyAsync();
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HscDbContext>();

                Assert.Equal(36, await db.Donors.CountAsync(d => d.PointId == DemoDonorSeeder.DemoPoint));
                Assert.Equal(36, await db.Typings.CountAsync(t => t.Release == "3.58.0"));

                var token = await fixture.Identity.TokenForAsync(Roles.HscCoordinator, "RC-330100", "330100", "city", Scopes.Hsc);
                var search = (Search.SearchClient)Activator.CreateInstance(typeof(Search.SearchClient), host.Channel(token))!;
                var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
                {
                    PatientReference = "P-demo",
                    PatientTyping = "A*30:01+A*02:07^C*06:02+C*01:02^B*13:02+B*46:01^DRB1*07:01+DRB1*09:01^DQB1*02:02+DQB1*03:03",
                    Criteria = new SearchCriteria { Preset = CriteriaPreset.TenOfTen },
                });
                // Haplotypes 1 and 2 in either order: two donors.
                Assert.Equal(2, summary.TotalCount);
            }
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
