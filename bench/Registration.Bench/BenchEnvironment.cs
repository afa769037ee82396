extern alias identity;
extern alias registration;

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using DonationRegistry.Hosting;
using IdentityEntry = identity::DonationRegistry.Identity.IdentitySettings;
using RegistrationEntry = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.Registration.Bench;

/// <summary>
/// Everything a run needs, private to it and removed at the end: a durable PostgreSQL cluster (fsync, synchronous_commit and
/// full_page_writes on, as in production) and a RabbitMQ node under the temp folder, and the Identity and Registration services in
/// this process on real Kestrel ports (Production environment, log level Warning), configured as the AppHost configures them.
/// </summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly string _root;
    private readonly RabbitMqNode _rabbit;
    private KestrelHost<IdentityEntry>? _identity;
    private KestrelHost<RegistrationEntry>? _registration;

    private BenchEnvironment(string root)
    {
        _root = root;
        Postgres = new PostgresServer(Path.Combine(root, "postgres"), Ports.Free(), durable: true);
        _rabbit = new RabbitMqNode(Path.Combine(root, "rabbitmq"), Ports.Free(), Ports.Free(), Ports.Free(),
            nodeName: "bench" + Environment.ProcessId);
    }

    public PostgresServer Postgres { get; }
    /// <summary>The Identity service's HTTP address (token endpoint), ending in a slash.</summary>
    public Uri Authority { get; private set; } = null!;
    /// <summary>The Registration service's gRPC (h2c) address.</summary>
    public Uri RegistrationGrpc { get; private set; } = null!;
    public string RegistrationDb => Postgres.ConnectionString("registrationdb");

    public static async Task<BenchEnvironment> StartAsync(BenchOptions options)
    {
        var environment = new BenchEnvironment(Path.Combine(Path.GetTempPath(), "donationregistry-bench",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        try
        {
            await environment.StartServersAsync(options);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    private async Task StartServersAsync(BenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Postgres.StartAsync(), _rabbit.StartAsync());
        foreach (var database in new[] { "identitydb", "registrationdb", "pgbench" })
        {
            await Postgres.CreateDatabaseAsync(database);
        }
        if (options.Profile)
        {
            await PostgresProfile.EnableStatementsAsync(Postgres);
        }
        Console.WriteLine($"PostgreSQL (durable) on {Postgres.Port}, RabbitMQ on {_rabbit.AmqpPort}: {clock.Elapsed.TotalSeconds:0.0} s");

        var identityHttp = Ports.Free();
        _identity = new KestrelHost<IdentityEntry>(IdentitySettings(identityHttp));
        await Task.Run(_identity.Start);
        Authority = new Uri($"http://127.0.0.1:{identityHttp}/");

        var registrationHttp = Ports.Free();
        var registrationGrpc = Ports.Free();
        _registration = new KestrelHost<RegistrationEntry>(RegistrationSettings(options, registrationHttp, registrationGrpc));
        await Task.Run(_registration.Start);
        RegistrationGrpc = new Uri($"http://127.0.0.1:{registrationGrpc}");
        await WaitHealthyAsync(new Uri($"http://127.0.0.1:{registrationHttp}/health"));
        Console.WriteLine($"Identity and Registration up: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Identity with its demo users (officer.zj, clerk …) and the tools client for password-grant tokens.</summary>
    private Dictionary<string, string?> IdentitySettings(int httpPort)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = Postgres.ConnectionString("identitydb"),
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["Identity:KeysPath"] = Path.Combine(_root, "identity-keys"),
            ["Identity:SeedDemoData"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var clientId in IdentityEntry.DefaultServiceClients.Keys)
        {
            settings[$"Identity:Clients:{clientId}:Secret"] = "bench-" + clientId + "-secret";
        }
        return settings;
    }

    /// <summary>Registration as the AppHost starts it (connection strings, broker, issuer, fresh ID-number keys), unless
    /// --connection-options adds Npgsql settings to try.</summary>
    private Dictionary<string, string?> RegistrationSettings(BenchOptions options, int httpPort, int grpcPort) => new()
    {
        ["ConnectionStrings:registrationdb"] = RegistrationDb + (options.ConnectionOptions is { } extra ? ";" + extra : ""),
        ["ConnectionStrings:messaging"] = _rabbit.ConnectionString,
        ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
        ["Kestrel:Endpoints:http:Protocols"] = "Http1",
        ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
        ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
        ["Identity:Authority"] = Authority.ToString(),
        ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
    };

    private static async Task WaitHealthyAsync(Uri health)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{health} did not become healthy within 90 s.");
            }
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_registration is not null)
        {
            await _registration.DisposeAsync();
        }
        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }
        await _rabbit.StopAsync();
        await Postgres.StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine($"(left {_root}: {ex.Message})");
        }
    }
}
