extern alias organ;

using DonationRegistry.OrganCoordination.V1;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Seeder = organ::DonationRegistry.OrganCoordination.Seeding.DemoDataSeeder;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>The development demo data: units and a few cases of each kind through the domain's rules, once only.</summary>
[Collection(OrganFixture.Collection)]
public sealed class DemoDataSeederTests(OrganFixture fixture)
{
    [Fact]
    public async Task SeedAsync_RunTwice_SeedsUnitsAndCasesOnceAndTheyAreReadable()
    {
        var host = await fixture.ClockedOrganAsync();
        fixture.Clock.Set(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero));
        var seeder = ActivatorUtilities.CreateInstance<Seeder>(host.Services);

        var first = await seeder.SeedAsync(CancellationToken.None);
        var second = await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal((8, 0), (first, second));
        var officer = await fixture.ProvincialOfficerTokenAsync();
        var units = await fixture.Units(officer, host).ListReceivingUnitsAsync(new ListReceivingUnitsRequest { PageSize = 500 });
        Assert.Contains(units.ReceivingUnits, u => u.Name == "receivingUnits/BRU-330100-ZJU" && u.DisplayName == "浙江大学医学院");
        var bodies = await fixture.Bodies(officer, host).ListBodyCasesAsync(new ListBodyCasesRequest { Purpose = "demo check", PageSize = 500 });
        Assert.Contains(bodies.BodyCases, c => c.OrgId == Seeder.Hospital && c.State == BodyCaseState.BodyMemorialised);
        var memorials = await fixture.Memorials(null, host).ListMemorialsAsync(new ListMemorialsRequest { Site = "生命礼敬园" });
        Assert.Contains(memorials.Memorials, m => m.Memorial_.InscribedName == "示例捐献者");
    }
}
