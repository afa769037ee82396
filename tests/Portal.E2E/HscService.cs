extern alias hsc;

using DonationRegistry.Hosting;
using DonationRegistry.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using CollectionClock = hsc::DonationRegistry.Hsc.Application.Collection.CollectionClock;
using HscDbContext = hsc::DonationRegistry.Hsc.Infrastructure.HscDbContext;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// The HSC service for the browser tests, in-process on real Kestrel ports: its own fresh database, the shared broker, Identity's
/// tokens, the IMGT/HLA release read in place (<c>../shared/data/imgt/3.58.0</c>, or <c>HLA_IMGT_FOLDER</c>), the 36 synthetic demo
/// donors, and the collection procedure on <see cref="Clock"/>.
/// </summary>
public sealed class HscService : IAsyncDisposable
{
    private readonly FreshDatabase _database = new();
    private readonly (int Http, int Grpc) _ports = (Ports.Free(), Ports.Free());
    private HscKestrelHost<HscDbContext>? _host;

    public HscManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public string GrpcAddress => $"http://127.0.0.1:{_ports.Grpc}";

    public string HttpAddress => $"http://127.0.0.1:{_ports.Http}";

    /// <summary>Creates the database and starts the service (the search index then loads in the background).</summary>
    public async Task StartAsync(string authority, string broker)
    {
        await _database.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = HttpAddress,
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = GrpcAddress,
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["ConnectionStrings:hscdb"] = _database.ConnectionString,
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:ServiceName"] = "hsc-" + Guid.NewGuid().ToString("N")[..8],
            ["Identity:Authority"] = authority,
            ["Hla:ImgtFolder"] = ImgtFolder("3.58.0"),
            ["Hsc:SeedDemoData"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // Ningbo's fee standard for every year the journey's clock may reach (the shipped settings name 2026 only).
        for (var year = Clock.Today.Year; year <= Clock.Today.Year + 1; year++)
        {
            var prefix = $"Collection:Cities:330200:FeeStandards:{year}:";
            foreach (var (category, fen) in new[] { ("MedicalExam", 150000), ("HospitalStay", 40000), ("Drugs", 600000), ("Collection", 800000),
                         ("Transport", 200000), ("DonorSubsidy", 300000), ("CompanionCosts", 100000) })
            {
                settings[prefix + category] = fen.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        _host = new HscKestrelHost<HscDbContext>(settings, services => services.AddSingleton(new CollectionClock(Clock)));
        _host.Start();
    }

    /// <summary>Waits until /health answers (the IMGT/HLA release loaded and the demo donors indexed).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(300);
        var last = "";
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(HttpAddress + "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timeout";
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The HSC service did not become ready: " + last);
            }
            await Task.Delay(500);
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

    private static string ImgtFolder(string version)
    {
        var root = Environment.GetEnvironmentVariable("HLA_IMGT_FOLDER");
        if (string.IsNullOrWhiteSpace(root))
        {
            var repository = new DirectoryInfo(AppContext.BaseDirectory);
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "DonationRegistry.sln")))
            {
                repository = repository.Parent;
            }
            root = Path.Combine(repository?.FullName ?? throw new DirectoryNotFoundException("DonationRegistry.sln not found"), "..", "shared", "data", "imgt");
        }
        return Path.GetFullPath(Path.Combine(root, version));
    }
}
