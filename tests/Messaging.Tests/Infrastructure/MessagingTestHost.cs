using DonationRegistry.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DonationRegistry.Messaging.Tests.Infrastructure;

/// <summary>
/// One "service" for a test: a fresh database of its own (schema from <see cref="TestDb"/>, outbox and inbox included) and a generic
/// host running exactly what a service runs: <c>AddMessaging&lt;TestDb&gt;</c> (bus, consumers, relay, cleaner, health check).
/// </summary>
internal sealed class MessagingTestHost : IAsyncDisposable
{
    private MessagingTestHost(IHost host, FreshDatabase database, string serviceName, string brokerConnectionString)
    {
        Host = host;
        Database = database;
        ServiceName = serviceName;
        BrokerConnectionString = brokerConnectionString;
    }

    private bool _ownsDatabase;

    public IHost Host { get; }
    public FreshDatabase Database { get; }
    public string ServiceName { get; }
    public string BrokerConnectionString { get; }
    public IBus Bus => Host.Services.GetRequiredService<IBus>();

    /// <summary>Creates the database and starts the host; returns once the readiness checks (the bus) are healthy.</summary>
    /// <param name="brokerConnectionString">The broker.</param>
    /// <param name="consumers">The service's consumers.</param>
    /// <param name="options">Adjusts the (already fast) test options.</param>
    /// <param name="instanceOf">Another host to run a second instance of: same database, same service name (same queues).</param>
    /// <param name="time">The clock; the system clock when null.</param>
    /// <param name="seed">Writes to the new database before the host starts (no interceptor, no relay running).</param>
    /// <param name="serviceName">The service name (queue prefix); a new unique one when null.</param>
    public static async Task<MessagingTestHost> StartAsync(string brokerConnectionString, Action<IBusRegistrationConfigurator> consumers,
        Action<MessagingOptions>? options = null, MessagingTestHost? instanceOf = null, TimeProvider? time = null,
        Func<TestDb, Task>? seed = null, string? serviceName = null)
    {
        var database = instanceOf?.Database;
        if (database is null)
        {
            database = new FreshDatabase();
            await database.InitializeAsync();
            await using var db = new TestDb(TestDb.Options(database.ConnectionString));
            await db.Database.EnsureCreatedAsync();
            if (seed is not null)
            {
                await seed(db);
            }
        }

        serviceName = instanceOf?.ServiceName ?? serviceName ?? NewServiceName();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ApplicationName = "DonationRegistry.Messaging.Tests",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = brokerConnectionString,
            ["Messaging:ServiceName"] = serviceName,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddHealthChecks();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        // As a service registers its context (AddServiceDbContext): Npgsql with the retrying execution strategy.
        builder.Services.AddDbContext<TestDb>(o => o.UseNpgsql(database.ConnectionString, n => n.EnableRetryOnFailure(3)));
        builder.AddMessaging<TestDb>(consumers, o =>
        {
            o.RetryIntervals.Clear();
            o.RetryIntervals.Add(TimeSpan.FromMilliseconds(50));
            o.RetryIntervals.Add(TimeSpan.FromMilliseconds(100));
            o.PublishTimeout = TimeSpan.FromSeconds(2);
            o.PublishRetryInitialDelay = TimeSpan.FromMilliseconds(100);
            o.PublishRetryMaxDelay = TimeSpan.FromSeconds(1);
            options?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        var testHost = new MessagingTestHost(host, database, serviceName, brokerConnectionString) { _ownsDatabase = instanceOf is null };
        if (!await Eventually.HoldsAsync(async () => await testHost.ReadinessAsync() == HealthStatus.Healthy, TimeSpan.FromSeconds(60)))
        {
            await testHost.DisposeAsync();
            throw new InvalidOperationException("The bus did not become ready within 60 s.");
        }
        return testHost;
    }

    public static string NewServiceName() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The aggregated status of the checks tagged <c>ready</c> (as <c>/health</c> would report it).</summary>
    public async Task<HealthStatus> ReadinessAsync()
    {
        var health = Host.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(MessagingHealth.ReadyTag));
        return report.Entries.Count == 0 ? HealthStatus.Unhealthy : report.Status;
    }

    /// <summary>Runs <paramref name="work"/> on a DbContext of its own scope (as a request or consumer would).</summary>
    public async Task<T> WithDbAsync<T>(Func<TestDb, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDb>());
    }

    public Task WithDbAsync(Func<TestDb, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            Host.Dispose();
            if (_ownsDatabase)
            {
                await Database.DisposeAsync();
            }
        }
    }
}
