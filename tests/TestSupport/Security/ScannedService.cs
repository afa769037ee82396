using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// The set-up of the ID-number leak scan (issue #9), the same for every service: an instance of the service of the scan's own in
/// the test process, logging at its configured levels (any "Logging:" setting dropped) into <see cref="IdNumberScan.Logs"/>, on the
/// shared test broker with a <see cref="BrokerTap"/> on the events it may publish, and on the caller's database or a fresh one.
/// <c>await using var scanned = new ScannedService&lt;TDb&gt;(…); await scanned.StartAsync();</c>
/// </summary>
/// <param name="database">The name of the service's connection string ("organdb").</param>
/// <param name="identityAuthority">The test Identity server the service validates tokens with.</param>
/// <param name="events">The contract events to collect (all the service publishes).</param>
/// <param name="connectionString">The database to use; null for a fresh one, dropped on dispose.</param>
/// <param name="settings">The service's own settings; the database, broker, service name, outbox poll interval, authority and fresh
/// ID-number keys are set here and win.</param>
/// <param name="configureServices">Test services on top (a fake handler, a clock).</param>
public sealed class ScannedService<TEntryPoint>(string database, string identityAuthority, IReadOnlyCollection<string> events,
    string? connectionString = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    : IAsyncDisposable where TEntryPoint : class
{
    private FreshDatabase? _database;
    private ServiceHost<TEntryPoint>? _host;
    private BrokerTap? _tap;

    public IdNumberScan Scan { get; } = new();

    public ServiceHost<TEntryPoint> Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every envelope of the events named at the start, for <see cref="AssertNoLeaks"/>.</summary>
    public BrokerTap Tap => _tap ?? throw new InvalidOperationException("Not started.");

    /// <summary>Starts the service and the tap.</summary>
    public async Task StartAsync()
    {
        if (connectionString is null)
        {
            _database = new FreshDatabase();
            await _database.InitializeAsync();
        }
        var broker = (await TestInfrastructure.RabbitMqAsync()).ConnectionString;
        var all = (settings ?? new Dictionary<string, string?>())
            .Where(s => !s.Key.StartsWith("Logging:", StringComparison.Ordinal))   // the configured levels, as deployed
            .ToDictionary();
        all[$"ConnectionStrings:{database}"] = connectionString ?? _database!.ConnectionString;
        all["ConnectionStrings:messaging"] = broker;
        all["Messaging:ServiceName"] = $"{database}-logscan-{Guid.NewGuid().ToString("N")[..8]}";
        all["Messaging:OutboxPollInterval"] = "00:00:00.200";
        all["Identity:Authority"] = identityAuthority;
        all["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        all["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _host = new ServiceHost<TEntryPoint>(all, services =>
        {
            services.AddSingleton<ILoggerProvider>(Scan.Logs);
            configureServices?.Invoke(services);
        });
        _ = _host.Server;
        _tap = await BrokerTap.StartAsync(broker, [.. events]);
    }

    /// <summary>Fails naming each log line, collected event or kept answer that shows an ID number the walk used.</summary>
    public void AssertNoLeaks() => Scan.AssertNoLeaks(Tap.All);

    public async ValueTask DisposeAsync()
    {
        if (_tap is not null)
        {
            await _tap.DisposeAsync();
        }
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
