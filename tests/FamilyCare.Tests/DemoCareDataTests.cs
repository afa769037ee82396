extern alias familycare;

using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using DemoCareData = familycare::DonationRegistry.FamilyCare.Seeding.DemoCareData;
using FamilyCareDbContext = familycare::DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext;
using Model = familycare::DonationRegistry.FamilyCare.Domain;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>The development demo data, seeded into a database of its own (the shared one would change other tests' counts).</summary>
public sealed class DemoCareDataTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Fact]
    public async Task SeedAsync_Twice_AddsEverythingOnceAndNothingTheSecondTime()
    {
        var options = new DbContextOptionsBuilder<FamilyCareDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new FamilyCareDbContext(options);
        await db.Database.MigrateAsync();
        var amounts = new Model.Aid.AidAmountTable(new Dictionary<Model.Families.SchoolStage, decimal> { [Model.Families.SchoolStage.Primary] = 2600m });
        var data = new DemoCareData(TimeProvider.System, amounts);

        var first = await data.SeedAsync(db, CancellationToken.None);
        var counts = await CountsAsync(db);
        var second = await data.SeedAsync(db, CancellationToken.None);

        Assert.Equal(12 * DemoCareData.FamiliesPerCity, first);
        Assert.Equal(0, second);
        Assert.Equal(counts, await CountsAsync(db));
        Assert.Equal(11, await db.Families.Select(f => f.Region.Substring(0, 4)).Distinct().CountAsync());
        Assert.Equal(DemoCareData.HangzhouStaff.Select(s => s.Id).Order(), await db.Staff.Select(s => s.Id).OrderBy(id => id).ToListAsync());
        Assert.True(await db.Staff.AllAsync(s => s.Region.StartsWith("3301")));
        Assert.Equal(1, await db.AidCases.CountAsync(a => a.Status == Model.Aid.AidStatus.Disbursed));
        Assert.Equal(1, await db.Visits.CountAsync(v => v.Status == Model.Visits.VisitStatus.Missed));
        Assert.True(await db.Visits.CountAsync(v => v.CampaignId != null) > 0);
        Assert.True(await db.Budgets.AllAsync(b => b.Amount > b.Committed));
    }

    private static async Task<string> CountsAsync(FamilyCareDbContext db) =>
        string.Join(",", await db.Families.CountAsync(), await db.Staff.CountAsync(), await db.Funds.CountAsync(), await db.Budgets.CountAsync(),
            await db.AidCases.CountAsync(), await db.Campaigns.CountAsync(), await db.Visits.CountAsync(), await db.Bookings.CountAsync(),
            await db.Audit.CountAsync());
}
