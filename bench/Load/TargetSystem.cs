using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Hosting;
using DonationRegistry.SystemTests;
using Npgsql;

namespace DonationRegistry.Load;

/// <summary>
/// The system under load: either started here exactly as the system tests start it (<see cref="SystemGraph"/> on free ports under
/// a temporary data folder, with <see cref="SystemControl"/> for faults), or an AppHost already running, found through its
/// dashboard's <c>/api/resources</c>. Gives the endpoints, the databases, and tokens of the Identity demo users.
/// </summary>
internal sealed class TargetSystem : IAsyncDisposable
{
    private const string DemoPassword = "Demo#2026";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly DistributedApplication? _app;
    private readonly string? _dataPath;

    private TargetSystem(Func<string, string, Uri> endpoint, Func<string, string> connectionString, DistributedApplication? app, string? dataPath)
    {
        Endpoint = endpoint;
        ConnectionString = connectionString;
        _app = app;
        _dataPath = dataPath;
        Control = app is null ? null : new SystemControl(app, StartTimeout);
    }

    /// <summary>A resource's endpoint by resource and endpoint name (<c>http</c>, <c>grpc</c>).</summary>
    public Func<string, string, Uri> Endpoint { get; }

    /// <summary>A database's (or the PostgreSQL server's) connection string by resource name.</summary>
    public Func<string, string> ConnectionString { get; }

    /// <summary>Faults can be injected only into a system started here.</summary>
    public SystemControl? Control { get; }

    /// <summary>The running AppHost given by <c>--apphost</c>, or the whole system started here.</summary>
    public static async Task<TargetSystem> OpenAsync(LoadOptions options)
    {
        if (options.Dashboard is { } dashboard)
        {
            return await ConnectAsync(dashboard);
        }
        Console.WriteLine($"Starting the system ({options.Configuration} builds) ...");
        var started = Stopwatch.StartNew();
        var system = await StartAsync(options.Configuration);
        Console.WriteLine($"System healthy after {started.Elapsed.TotalSeconds:0} s.");
        return system;
    }

    public static async Task<TargetSystem> StartAsync(string configuration)
    {
        var root = RepositoryRoot();
        var dataPath = Path.Combine(Path.GetTempPath(), "donationregistry-load", $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);
        var builder = DistributedApplication.CreateBuilder(
        [
            $"--DataPath={dataPath}", $"--RepositoryRoot={root}", $"--AppHostDirectory={Path.Combine(root, "AppHost")}",
            $"--Configuration={configuration}", "--ConsoleOutput=false", "--HealthIntervalSeconds=1",
        ]);
        SystemGraph.Add(builder);
        var app = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        await Task.WhenAll(SystemGraph.Services.Select(s => app.WaitForResourceHealthyAsync(s, timeout.Token)));
        return new TargetSystem((r, e) => app.GetEndpoint(r, e), app.GetConnectionString, app, dataPath);
    }

    public static async Task<TargetSystem> ConnectAsync(Uri dashboard)
    {
        using var http = new HttpClient();
        var resources = await http.GetFromJsonAsync<JsonElement[]>(new Uri(dashboard, "/api/resources"))
            ?? throw new InvalidOperationException("The dashboard returned no resources.");
        JsonElement Resource(string name) => resources.FirstOrDefault(r => r.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } r
            ? r : throw new InvalidOperationException($"The AppHost at {dashboard} has no resource '{name}'.");
        return new TargetSystem(
            (resource, endpoint) => new Uri(Resource(resource).GetProperty("endpoints").EnumerateArray()
                .First(e => e.GetProperty("name").GetString() == endpoint).GetProperty("url").GetString()!),
            name => Resource(name).GetProperty("connectionString").GetString()!,
            app: null, dataPath: null);
    }

    /// <summary>The PostgreSQL server's port (pgbench runs against it).</summary>
    public int PostgresPort => new NpgsqlConnectionStringBuilder(ConnectionString("postgres")).Port;

    public async Task<string> TokenAsync(string userName, string scope)
    {
        using var response = await _http.PostAsync(new Uri(Endpoint("identity", "http"), "/connect/token"), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["client_id"] = "tools", ["username"] = userName, ["password"] = DemoPassword, ["scope"] = scope,
            }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"No token for {userName} ({scope}): {(int)response.StatusCode} {body}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Control is not null)
        {
            await Control.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _http.Dispose();
        if (_dataPath is not null)
        {
            try
            {
                Directory.Delete(_dataPath, recursive: true);
            }
            catch (IOException)
            {
                // A server still releasing files; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (DonationRegistry.sln) was not found above " + AppContext.BaseDirectory);
    }
}
