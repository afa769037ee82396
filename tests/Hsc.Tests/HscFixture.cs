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
using HscDbContext = hsc::DonationRegistry.Hsc.Infrastructure.HscDbContext;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hsc.Tests;

/// <summary>The xunit collection every HSC test class joins: <c>[Collection(HscFixture.Collection)]</c>.</summary>
[CollectionDefinition(HscFixture.Collection)]
public sealed class HscCollection : ICollectionFixture<HscFixture>;

/// <summary>
/// One running HSC service for the whole "hsc" collection: an in-process Identity server (real tokens), a fresh database on the
/// shared test PostgreSQL (migrated at start), the shared test RabbitMQ, and the IMGT/HLA release read in place from
/// <c>../shared/data/imgt/3.58.0</c> (env HLA_IMGT_FOLDER overrides). Tests share the database, so each test enrols its own donors
/// (<see cref="EnrolAsync"/>) and asserts on its own rows or on differences.
/// </summary>
public sealed class HscFixture : IAsyncLifetime
{
    public const string Collection = "hsc";

    private readonly FreshDatabase _database = new();
    private readonly ConcurrentDictionary<string, Task<string>> _cachedTokens = new();
    private ServiceHost<HscDbContext>? _host;

    public IdentityServer Identity { get; } = new();

    public string ConnectionString => _database.ConnectionString;

    public string BrokerConnectionString { get; private set; } = "";

    /// <summary>Queue prefix on the broker (unique per run).</summary>
    public string MessagingServiceName { get; } = "hsc-" + Guid.NewGuid().ToString("N")[..8];

    public ServiceHost<HscDbContext> Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Identity.InitializeAsync(), _database.InitializeAsync());
        BrokerConnectionString = (await TestInfrastructure.RabbitMqAsync()).ConnectionString;
        _host = new ServiceHost<HscDbContext>(Settings(_database.ConnectionString, BrokerConnectionString, MessagingServiceName,
            Identity.Authority));
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

    /// <summary>The settings the AppHost would give the HSC service.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string broker, string serviceName, string authority)
    {
        var settings = OwnSettings();
        settings["ConnectionStrings:hscdb"] = connectionString;
        settings["ConnectionStrings:messaging"] = broker;
        settings["Messaging:ServiceName"] = serviceName;
        settings["Messaging:OutboxPollInterval"] = "00:00:00.200";
        settings["Identity:Authority"] = authority;
        return settings;
    }

    /// <summary>The HSC service's own settings: the IMGT/HLA release and MAC table, its poll intervals, log levels.</summary>
    public static Dictionary<string, string?> OwnSettings() => new()
    {
        ["Hla:ImgtFolder"] = ImgtData.Folder("3.58.0"),
        // A hand-made table in NMDP's layout (its codes are illustrative, not NMDP's assignments).
        ["Hla:MacFile"] = Path.Combine(ImgtData.RepositoryFolder, "tests", "Hla.Tests", "Nomenclature", "Fixtures", "mac-fixture.txt"),
        ["Hsc:ChangeFeedInterval"] = "00:00:00.200",
        ["Hsc:SweepInterval"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:DonationRegistry.Hsc.Searching.HlaEngine"] = "Information",
    };

    public T Client<T>(string? accessToken) where T : ClientBase<T> =>
        (T)Activator.CreateInstance(typeof(T), Host.Channel(accessToken))!;

    /// <summary>An HSC coordinator of a city (default Hangzhou 330100); cached per region.</summary>
    public Task<string> CoordinatorTokenAsync(string region = "330100") =>
        _cachedTokens.GetOrAdd("coordinator:" + region, r => TokenForRoleAsync(Roles.HscCoordinator, "RC-" + region, region, "city"));

    /// <summary>An administrator (provincial IT).</summary>
    public Task<string> AdministratorTokenAsync() =>
        _cachedTokens.GetOrAdd("admin", _ => TokenForRoleAsync(Roles.Administrator, "RC-330000", "330000", "province"));

    /// <summary>A token for a new user of any role and organisation, with the hsc scope.</summary>
    public Task<string> TokenForRoleAsync(string role, string orgId, string region, string orgType) =>
        Identity.TokenForAsync(role, orgId, region, orgType, Scopes.Hsc);

    /// <summary>
    /// A new donor, as the Registration service would announce it: the event goes through the HSC database's outbox onto the real
    /// broker and back to the service's consumer; returns once the donor exists.
    /// </summary>
    public async Task<Guid> EnrolAsync(string region = "330106", int birthYear = 1995, string sex = "Male")
    {
        var id = Guid.CreateVersion7();
        await WithDbAsync(async db =>
        {
            db.AddIntegrationEvent(new HscVolunteerEnrolled(id, Guid.NewGuid(), region, birthYear, sex, DateTimeOffset.UtcNow));
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

    public Task<long> ScalarAsync(FormattableString sql) =>
        WithDbAsync(async db => (await db.Database.SqlQuery<long>(sql).ToListAsync()).Single());
}
