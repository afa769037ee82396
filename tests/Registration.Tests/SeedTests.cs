extern alias registration;

using System.Security.Cryptography;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using DemoDataSeeder = registration::DonationRegistry.Registration.Seeding.DemoDataSeeder;
using IdNumberProtection = registration::DonationRegistry.Registration.Application.IdNumberProtection;
using PointStatus = registration::DonationRegistry.Registration.Domain.Points.PointStatus;
using RegionCodes = DonationRegistry.Common.RegionCodes;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;
using RegistrationStatus = registration::DonationRegistry.Registration.Domain.Registrations.RegistrationStatus;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// The demo-data seeder on a service of its own (fresh database): what it makes, that it agrees with the statistics projection,
/// and that seeding twice adds nothing.
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class SeedTests(RegistrationFixture fixture) : IAsyncLifetime
{
    private readonly FreshDatabase _database = new();
    private ServiceHost<RegistrationDbContext> _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = new ServiceHost<RegistrationDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrationdb"] = _database.ConnectionString,
            ["ConnectionStrings:messaging"] = fixture.BrokerConnectionString,
            ["Messaging:ServiceName"] = "registration-seed-" + Guid.NewGuid().ToString("N")[..8],
            ["Identity:Authority"] = fixture.Identity.Authority,
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _ = _host.Server;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SeedAsync_WhenRunTwice_CreatesEveryCityOnceWithValidPeopleAndMatchingStatistics()
    {
        var seeder = new DemoDataSeeder(_host.Services, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance);

        var first = await seeder.SeedAsync(CancellationToken.None);
        var second = await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal((11, 11 * DemoDataSeeder.VolunteersPerCity), first);
        Assert.Equal((0, 0), second);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistrationDbContext>();
        var points = await db.Points.AsNoTracking().ToListAsync();
        Assert.Equal(33, points.Count);
        Assert.All(points, p => Assert.Equal(PointStatus.Active, p.Status));
        Assert.Equal(RegionCodes.Cities.Keys.Order(), points.Select(p => RegionCodes.CityOf(p.RegionCode)).Distinct().Order());
        Assert.Contains(points, p => p.Code == "RP-330100-0001"); // the demo clerk's organisation

        var registrations = await db.Registrations.AsNoTracking().ToListAsync();
        Assert.Equal(11 * DemoDataSeeder.VolunteersPerCity, registrations.Count);
        var protection = scope.ServiceProvider.GetRequiredService<IdNumberProtection>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(registrations, r =>
        {
            Assert.True(ResidentIdNumber.TryParse(protection.Reveal(r.Volunteer.IdNumberCipher), today, out var id, out var error), error);
            Assert.Equal(RegionCodes.CityOf(r.RegionCode), RegionCodes.CityOf(id!.RegionCode));
        });
        Assert.Equal(registrations.Count, registrations.Select(r => Convert.ToHexString(r.Volunteer.IdNumberHash)).Distinct().Count());
        var states = registrations.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        foreach (var status in new[] { RegistrationStatus.Draft, RegistrationStatus.PendingWitness, RegistrationStatus.Forwarded,
                     RegistrationStatus.Registered, RegistrationStatus.Revoked, RegistrationStatus.ObjectionRecorded, RegistrationStatus.Realised })
        {
            Assert.True(states.GetValueOrDefault(status) > 0, $"no demo registration is {status}");
        }
        Assert.True(registrations.Select(r => r.CreatedAt.Date).Distinct().Count() > 300, "registrations should spread over many days");

        var statistics = await db.Statistics.AsNoTracking().ToListAsync();
        Assert.Equal(registrations.Count(r => r.Number is not null), statistics.Sum(s => s.NewRegistrations));
        Assert.Equal(states[RegistrationStatus.Revoked], statistics.Sum(s => s.Revoked));
        Assert.Equal(states[RegistrationStatus.ObjectionRecorded], statistics.Sum(s => s.Objections));
        Assert.Equal(states[RegistrationStatus.Realised], statistics.Sum(s => s.Realised));
        Assert.Equal(await db.HscEnrolments.CountAsync(), statistics.Sum(s => s.HscEnrolled));
    }
}
