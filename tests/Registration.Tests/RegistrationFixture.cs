extern alias registration;

using System.Collections.Concurrent;
using System.Security.Cryptography;
using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.Registration.Tests;

/// <summary>The xunit collection every Registration test class joins: <c>[Collection(RegistrationFixture.Collection)]</c>.</summary>
[CollectionDefinition(RegistrationFixture.Collection)]
public sealed class RegistrationCollection : ICollectionFixture<RegistrationFixture>;

/// <summary>
/// One running Registration service for the whole "registration" collection: an in-process Identity server (real tokens), a fresh
/// database on the shared test PostgreSQL (migrated by the service at start), the shared test RabbitMQ, and fresh random
/// ID-number keys. Tests share the database, so each test creates its own points and people (<see cref="CreateActivePointAsync"/>,
/// <see cref="TestPeople"/>) and asserts on its own rows or on differences of counts.
/// </summary>
/// <remarks>
/// Quick reference:
/// <list type="bullet">
/// <item><c>Client&lt;Registrations.RegistrationsClient&gt;(token)</c>: a gRPC client (token null = anonymous).</item>
/// <item><c>OfficerTokenAsync("330100")</c> (city), <c>ProvincialOfficerTokenAsync()</c>, <c>AuditorTokenAsync(region)</c>,
/// <c>ClerkTokenAsync(pointCode, region)</c>, <c>TokenForRoleAsync(role, orgId, region, orgType)</c> for any other role.</item>
/// <item><c>CreateActivePointAsync(region)</c>: an Active point offering every service, with a clerk assigned (its token in the
/// result).</item>
/// <item><c>CountAsync&lt;T&gt;()</c>, <c>WithDbAsync(db =&gt; …)</c>, <c>ScalarAsync($"SELECT … AS \"Value\"")</c>: direct
/// database access for assertions (the service's classes are under the extern alias <c>registration</c>, because the test project
/// compiles its own client types from the same proto).</item>
/// <item>Helpers beside it: <see cref="TestPeople"/> (valid unique ID numbers, ready-made requests), <see cref="RegistrationSteps"/>
/// (a registration in any state); from TestSupport <see cref="RpcAssert"/> (status code, field violations, illegal-transition
/// state), <see cref="BrokerTap"/> (a queue on the real broker bound to event exchanges), <see cref="Eventually"/>.</item>
/// </list>
/// </remarks>
public sealed class RegistrationFixture : IAsyncLifetime
{
    public const string Collection = "registration";

    private readonly FreshDatabase _database = new();
    private readonly ConcurrentDictionary<string, Task<string>> _cachedTokens = new();
    private ServiceHost<RegistrationDbContext>? _host;

    /// <summary>The Identity server issuing the tokens.</summary>
    public IdentityServer Identity { get; } = new();

    /// <summary>Connection string of the service's database.</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The shared test RabbitMQ (amqp://…) the service publishes to.</summary>
    public string BrokerConnectionString { get; private set; } = "";

    /// <summary>The service name used as queue prefix on the broker (unique per run, so runs never share queues).</summary>
    public string MessagingServiceName { get; } = "registration-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The running service.</summary>
    public ServiceHost<RegistrationDbContext> Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Identity.InitializeAsync(), _database.InitializeAsync());
        BrokerConnectionString = (await TestInfrastructure.RabbitMqAsync()).ConnectionString;
        _host = new ServiceHost<RegistrationDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrationdb"] = _database.ConnectionString,
            ["ConnectionStrings:messaging"] = BrokerConnectionString,
            ["Messaging:ServiceName"] = MessagingServiceName,
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
            ["Identity:Authority"] = Identity.Authority,
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // Tests call the public certificate check more often than a person would.
            ["Registration:CertificateChecksPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // Starts the server, runs the migrations (hosted service) and the bus.
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

    /// <summary>A gRPC client of type <typeparamref name="T"/> (e.g. <c>Registrations.RegistrationsClient</c>) calling with
    /// <paramref name="accessToken"/>, or anonymously when it is null.</summary>
    public T Client<T>(string? accessToken) where T : ClientBase<T> =>
        (T)Activator.CreateInstance(typeof(T), Host.Channel(accessToken))!;

    /// <summary>A registry officer of <paramref name="region"/> (a city such as 330100 Hangzhou or 330200 Ningbo, or 330000 for the
    /// provincial centre); the token is cached per region.</summary>
    public Task<string> OfficerTokenAsync(string region = "330100") =>
        _cachedTokens.GetOrAdd("officer:" + region, r => TokenForRoleAsync(Roles.RegistryOfficer, "RC-" + region, region,
            region == "330000" ? "province" : "city"));

    /// <summary>The provincial registry officer (region 330000: sees and manages everything).</summary>
    public Task<string> ProvincialOfficerTokenAsync() => OfficerTokenAsync("330000");

    /// <summary>An auditor of <paramref name="region"/> (read-only); cached per region.</summary>
    public Task<string> AuditorTokenAsync(string region = "330000") =>
        _cachedTokens.GetOrAdd("auditor:" + region, _ => TokenForRoleAsync(Roles.Auditor, "AUDIT-" + region, region,
            region == "330000" ? "province" : "city"));

    /// <summary>A new clerk user whose organisation is <paramref name="pointCode"/> (which makes them act for that point even
    /// without a staff assignment); returns the user and its token.</summary>
    public async Task<(CreatedUser User, string Token)> ClerkAsync(string pointCode, string region)
    {
        var user = await Identity.CreateUserAsync(Roles.RegistrationClerk, pointCode, region, "registration_point");
        return (user, await Identity.TokenAsync(user.UserName, user.Password, Scopes.Registration));
    }

    /// <summary>A token of a clerk of <paramref name="pointCode"/> (a new user each call).</summary>
    public async Task<string> ClerkTokenAsync(string pointCode, string region) => (await ClerkAsync(pointCode, region)).Token;

    /// <summary>A token for a new user of any role and organisation, with the registration scope.</summary>
    public Task<string> TokenForRoleAsync(string role, string orgId, string region, string orgType) =>
        Identity.TokenForAsync(role, orgId, region, orgType, Scopes.Registration);

    /// <summary>
    /// Creates a point in <paramref name="region"/> (a county such as 330106 or a city code) through the API as the provincial
    /// officer, authorises and activates it, and assigns a new clerk to its staff (the clerk's organisation is "staff-only", so
    /// only the assignment lets them act). Offers every service unless <paramref name="services"/> are given.
    /// </summary>
    public async Task<TestPoint> CreateActivePointAsync(string region = "330106", params PointService[] services)
    {
        var officer = Client<RegistrationPoints.RegistrationPointsClient>(await ProvincialOfficerTokenAsync());
        var point = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Point = NewPoint(region, services),
        });
        point = await officer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
        {
            Name = point.Name, Trigger = PointTrigger.Authorise, Etag = point.Etag, Reason = "test",
        });
        point = await officer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
        {
            Name = point.Name, Trigger = PointTrigger.Activate, Etag = point.Etag,
        });
        var clerk = await Identity.CreateUserAsync(Roles.RegistrationClerk, "staff-only", region, "registration_point");
        point = await officer.AssignStaffAsync(new AssignStaffRequest { Name = point.Name, UserId = clerk.Id.ToString() });
        var clerkToken = await Identity.TokenAsync(clerk.UserName, clerk.Password, Scopes.Registration);
        return new TestPoint(point, clerk, clerkToken);
    }

    /// <summary>A valid point message for a create request (no name, code or status).</summary>
    public static V1.RegistrationPoint NewPoint(string region = "330106", params PointService[] services)
    {
        var point = new V1.RegistrationPoint
        {
            DisplayName = "测试登记点 " + Guid.NewGuid().ToString("N")[..6],
            HostOrganisation = "浙江民生社会养老服务中心",
            Kind = PointKind.ElderCare,
            RegionCode = region,
            Address = "杭州市西湖区文三路 1 号",
            ContactPhone = "0571-88889999",
        };
        point.Services.AddRange(services.Length > 0
            ? services
            : [PointService.Consultation, PointService.Registration, PointService.IntentLetterWitness, PointService.HscSampleCollection]);
        return point;
    }

    /// <summary>Rows of <typeparamref name="TEntity"/> (an entity of the service's model, e.g. <c>VolunteerRegistration</c>).</summary>
    public Task<long> CountAsync<TEntity>() where TEntity : class => WithDbAsync(db => db.Set<TEntity>().LongCountAsync());

    /// <summary>Runs <paramref name="query"/> on a fresh DbContext of the service (its own scope).</summary>
    public async Task<T> WithDbAsync<T>(Func<RegistrationDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistrationDbContext>());
    }

    /// <summary>Rows returned by a raw SQL count, e.g. <c>SELECT count(*) AS "Value" FROM audit_log</c>.</summary>
    public Task<long> ScalarAsync(FormattableString sql) =>
        WithDbAsync(async db => (await db.Database.SqlQuery<long>(sql).ToListAsync()).Single());
}

/// <summary>An Active point made by <see cref="RegistrationFixture.CreateActivePointAsync"/> and the clerk on its staff.</summary>
public sealed record TestPoint(V1.RegistrationPoint Point, CreatedUser Clerk, string ClerkToken)
{
    /// <summary>"registrationPoints/{id}".</summary>
    public string Name => Point.Name;
    public string Code => Point.Code;
    public string RegionCode => Point.RegionCode;
}
