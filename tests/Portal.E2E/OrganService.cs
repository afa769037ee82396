extern alias organ;

using System.Security.Cryptography;
using DonationRegistry.Hosting;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using OrganDbContext = organ::DonationRegistry.OrganCoordination.Infrastructure.OrganDbContext;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// The OrganCoordination service for the browser tests, in-process on real Kestrel ports: its own fresh database, the shared broker
/// (its completion events reach FamilyCare), Identity's tokens, and the Registration service's gRPC endpoint for the registry check
/// (with its own client-credentials token). No demo data: the journeys make their own cases and credentials.
/// </summary>
public sealed class OrganService : IAsyncDisposable
{
    private readonly FreshDatabase _database = new();
    private readonly (int Http, int Grpc) _ports = (Ports.Free(), Ports.Free());
    private KestrelServiceHost<OrganDbContext>? _host;

    public string GrpcAddress => $"http://127.0.0.1:{_ports.Grpc}";

    public string HttpAddress => $"http://127.0.0.1:{_ports.Http}";

    /// <summary>The service in-process (its database for assertions).</summary>
    public KestrelServiceHost<OrganDbContext> Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task StartAsync(IdentityServer identity, string broker, string registrationGrpc)
    {
        await _database.InitializeAsync();
        _host = new KestrelServiceHost<OrganDbContext>(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = HttpAddress,
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = GrpcAddress,
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["ConnectionStrings:organdb"] = _database.ConnectionString,
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:ServiceName"] = "organcoordination-" + Guid.NewGuid().ToString("N")[..8],
            ["Identity:Authority"] = identity.Authority,
            ["OrganCoordination:ClientSecret"] = IdentityServer.ClientSecrets["organcoordination"],
            ["OrganCoordination:SeedDemoData"] = "false",
            ["Registry:Address"] = registrationGrpc,
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _host.Start();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(HttpAddress + "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow start
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The OrganCoordination service did not become ready at " + HttpAddress);
            }
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await _database.DisposeAsync();
    }
}
