extern alias hsc;

using System.Collections.Concurrent;
using DonationRegistry.Common;
using DonationRegistry.Contracts;
using DonationRegistry.Messaging;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using CollectionClock = hsc::DonationRegistry.Hsc.Application.Collection.CollectionClock;
using HscDbContext = hsc::DonationRegistry.Hsc.Infrastructure.HscDbContext;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>The xunit collection of the collection-case tests: <c>[Collection(CollectionFixture.Collection)]</c>.</summary>
[CollectionDefinition(CollectionFixture.Collection)]
public sealed class CollectionCasesCollection : ICollectionFixture<CollectionFixture>;

/// <summary>
/// One HSC service for the collection-case tests, like <see cref="HscFixture"/> (real Identity tokens, a fresh database on the
/// shared test PostgreSQL, the shared RabbitMQ, the IMGT release read in place), but with the collection procedure's clock
/// replaced by a <see cref="ManualClock"/> the tests move forward (the token clock stays real). The clock starts on a Monday 09:00
/// Shanghai of the current year, so "this week" is predictable. Tests share the database: each works on its own cases, and a
/// test that counts per city uses a city no other test uses.
/// </summary>
public sealed class CollectionFixture : IAsyncLifetime
{
    public const string Collection = "hsc-collection";

    private readonly FreshDatabase _database = new();
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();
    private ServiceHost<HscDbContext>? _host;

    public CollectionFixture()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        Clock = new ManualClock(new DateTimeOffset(monday.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
    }

    public ManualClock Clock { get; }

    public IdentityServer Identity { get; } = new();

    public string BrokerConnectionString { get; private set; } = "";

    public ServiceHost<HscDbContext> Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Identity.InitializeAsync(), _database.InitializeAsync());
        BrokerConnectionString = (await TestInfrastructure.RabbitMqAsync()).ConnectionString;
        var settings = HscFixture.Settings(_database.ConnectionString, BrokerConnectionString, "hscc-" + Guid.NewGuid().ToString("N")[..8],
            Identity.Authority);
        settings["Collection:ReminderInterval"] = "1.00:00:00";
        // Wenzhou (only the statistics test's city) visits its donors on its own days; Ningbo keeps the default schedule.
        settings["Collection:Cities:330300:FollowUpDays:0"] = "3";
        settings["Collection:Cities:330300:FollowUpDays:1"] = "30";
        settings["Collection:Cities:330300:FollowUpDays:2"] = "365";
        // A fee standard for every year the tests' clock may reach (the shipped settings name Ningbo 2026 only).
        foreach (var city in new[] { "330200", "330300" })
        {
            for (var year = Clock.GetUtcNow().Year - 1; year <= Clock.GetUtcNow().Year + 2; year++)
            {
                var prefix = $"Collection:Cities:{city}:FeeStandards:{year}:";
                settings[prefix + "MedicalExam"] = "150000";
                settings[prefix + "HospitalStay"] = "40000";
                settings[prefix + "Drugs"] = "600000";
                settings[prefix + "Collection"] = "800000";
                settings[prefix + "Transport"] = "200000";
                settings[prefix + "DonorSubsidy"] = "300000";
                settings[prefix + "CompanionCosts"] = "100000";
            }
        }
        _host = new ServiceHost<HscDbContext>(settings, services => services.AddSingleton(new CollectionClock(Clock)));
        _ = _host.Server;
        await Host.WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await Identity.DisposeAsync();
        await _database.DisposeAsync();
    }

    public T Client<T>(string? accessToken) where T : ClientBase<T> =>
        (T)Activator.CreateInstance(typeof(T), Host.Channel(accessToken))!;

    /// <summary>A token for a user of <paramref name="role"/> at <paramref name="orgId"/> in <paramref name="region"/>; cached per
    /// (role, organisation, region).</summary>
    public Task<string> TokenAsync(string role, string orgId, string region) =>
        _tokens.GetOrAdd($"{role}|{orgId}|{region}", _ => Identity.TokenForAsync(role, orgId, region,
            role == Roles.CollectionHospitalStaff ? "hospital" : region.EndsWith("00", StringComparison.Ordinal) ? "city" : "county", Scopes.Hsc));

    /// <summary>A second user of the same role and organisation (a different subject, uncached).</summary>
    public Task<string> OtherUserTokenAsync(string role, string orgId, string region) =>
        Identity.TokenForAsync(role, orgId, region, region.EndsWith("00", StringComparison.Ordinal) ? "city" : "county", Scopes.Hsc);

    /// <summary>A new donor of <paramref name="region"/>, announced through the database's outbox like the Registration service does.</summary>
    public async Task<Guid> EnrolAsync(string region)
    {
        var id = Guid.CreateVersion7();
        await WithDbAsync(async db =>
        {
            db.AddIntegrationEvent(new HscVolunteerEnrolled(id, Guid.NewGuid(), region, 1995, "Female", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        Assert.True(await Eventually.HoldsAsync(() => WithDbAsync(db => db.Donors.AnyAsync(d => d.Id == id))),
            "The enrolment event did not reach the HSC consumer.");
        return id;
    }

    public async Task<T> WithDbAsync<T>(Func<HscDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HscDbContext>());
    }

    public Task<long> CountAsync(FormattableString sql) =>
        WithDbAsync(async db => (await db.Database.SqlQuery<long>(sql).ToListAsync()).Single());
}
