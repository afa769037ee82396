extern alias hsc;
extern alias registration;

using System.Security.Cryptography;
using DonationRegistry.Common;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Xunit;
using HscDbContext = hsc::DonationRegistry.Hsc.Infrastructure.HscDbContext;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.Hsc.Tests;

/// <summary>The collection of the end-to-end test: <c>[Collection(EndToEndFixture.Collection)]</c>.</summary>
[CollectionDefinition(EndToEndFixture.Collection)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>;

/// <summary>
/// The Registration and HSC services side by side, each an in-process host on its own fresh database, both on the shared test
/// RabbitMQ and trusting one in-process Identity server: what a volunteer enrolled at a point goes through on its way into the
/// HSC donor pool.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public const string Collection = "hsc-end-to-end";

    private readonly FreshDatabase _registrationDb = new();
    private readonly FreshDatabase _hscDb = new();
    private ServiceHost<RegistrationDbContext>? _registration;
    private ServiceHost<HscDbContext>? _hsc;

    public IdentityServer Identity { get; } = new();

    public ServiceHost<RegistrationDbContext> Registration => _registration ?? throw new InvalidOperationException("Not initialised.");

    public ServiceHost<HscDbContext> Hsc => _hsc ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Identity.InitializeAsync(), _registrationDb.InitializeAsync(), _hscDb.InitializeAsync());
        var broker = (await TestInfrastructure.RabbitMqAsync()).ConnectionString;
        var run = Guid.NewGuid().ToString("N")[..8];
        _registration = new ServiceHost<RegistrationDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrationdb"] = _registrationDb.ConnectionString,
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:ServiceName"] = "registration-" + run,
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
            ["Identity:Authority"] = Identity.Authority,
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _hsc = new ServiceHost<HscDbContext>(HscFixture.Settings(_hscDb.ConnectionString, broker, "hsc-" + run, Identity.Authority));
        _ = _registration.Server;
        _ = _hsc.Server;
        await Task.WhenAll(_registration.WaitUntilHealthyAsync(), _hsc.WaitUntilHealthyAsync());
    }

    public async Task DisposeAsync()
    {
        if (_hsc is not null)
        {
            await _hsc.DisposeAsync();
        }
        if (_registration is not null)
        {
            await _registration.DisposeAsync();
        }
        await Identity.DisposeAsync();
        await _hscDb.DisposeAsync();
        await _registrationDb.DisposeAsync();
    }

    public T RegistrationClient<T>(string token) where T : ClientBase<T> => (T)Activator.CreateInstance(typeof(T), Registration.Channel(token))!;

    public T HscClient<T>(string token) where T : ClientBase<T> => (T)Activator.CreateInstance(typeof(T), Hsc.Channel(token))!;

    public Task<string> TokenAsync(string role, string orgId, string region, string orgType, string scope) =>
        Identity.TokenForAsync(role, orgId, region, orgType, scope);

    public static string Scope(string service) => service == "hsc" ? Scopes.Hsc : Scopes.Registration;
}
