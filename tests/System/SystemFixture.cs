using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Hosting;
using Grpc.Net.Client;
using Xunit;

namespace DonationRegistry.SystemTests;

/// <summary>The xunit collection every system test class joins, so the system starts once per run.</summary>
[CollectionDefinition(SystemFixture.Collection)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>;

/// <summary>
/// Starts the whole system once (see <see cref="SystemGraph"/>) under a temporary data folder on free ports, waits until every
/// service is healthy, and offers what the journeys need: gRPC channels, real tokens of the Identity demo users (password grant of
/// the public <c>tools</c> client), connection strings to look into a service's own database, and helpers that stop, kill and
/// restart a service process. Everything is stopped and the folder deleted at the end.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string Collection = "system";
    public const string DemoPassword = "Demo#2026";

    /// <summary>How long the system may take to start (builds are done; PostgreSQL, RabbitMQ and five services start here).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();
    private readonly ConcurrentBag<ChildProcess> _restarted = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private DistributedApplication? _app;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "donationregistry-system",
        $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system is not started.");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var builder = DistributedApplication.CreateBuilder(
        [
            $"--DataPath={DataPath}", $"--RepositoryRoot={root}", $"--AppHostDirectory={Path.Combine(root, "AppHost")}",
            $"--Configuration={BuildConfiguration}", "--ConsoleOutput=false", "--HealthIntervalSeconds=1",
        ]);
        SystemGraph.Add(builder);
        _app = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        try
        {
            await Task.WhenAll(SystemGraph.Services.Select(s => _app.WaitForResourceHealthyAsync(s, timeout.Token)));
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException("The system did not become healthy in time: " +
                string.Join("; ", _app.Resources.Select(r => $"{r} {string.Join(" | ", r.RecentLines().TakeLast(3))}")));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _restarted)
        {
            await process.DisposeAsync();
        }
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A server still releasing files; the temp folder is cleaned by the OS eventually.
        }
    }

    /// <summary>A gRPC channel to <paramref name="service"/>'s h2c endpoint, sending <paramref name="token"/> with every call.</summary>
    public GrpcChannel Channel(string service, string token) =>
        _channels.GetOrAdd(service + " " + token, _ => GrpcChannel.ForAddress(App.GetEndpoint(service, "grpc"), new GrpcChannelOptions
        {
            Credentials = Grpc.Core.ChannelCredentials.Create(Grpc.Core.ChannelCredentials.Insecure,
                Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("Authorization", "Bearer " + token);
                    return Task.CompletedTask;
                })),
            UnsafeUseInsecureChannelCallCredentials = true,
        }));

    /// <summary>An access token of an Identity demo user (see README) for <paramref name="scope"/>, from the running Identity.</summary>
    public Task<string> TokenAsync(string userName, string scope) =>
        _tokens.GetOrAdd(userName + " " + scope, async _ =>
        {
            using var response = await _http.PostAsync(new Uri(App.GetEndpoint("identity"), "/connect/token"), new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "password", ["client_id"] = "tools", ["username"] = userName, ["password"] = DemoPassword, ["scope"] = scope,
                }));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token)
                ? token.GetString()!
                : throw new InvalidOperationException($"No token for {userName} ({scope}): {(int)response.StatusCode} {body}");
        });

    /// <summary>The connection string of a service's own database (to count what an event did there).</summary>
    public string Database(string name) => App.GetConnectionString(name);

    /// <summary>Stops a service gracefully (SIGTERM, then killed after 10 s).</summary>
    public Task StopAsync(string service) => MainProcess(service).StopAsync(ChildProcess.SigTerm, TimeSpan.FromSeconds(10));

    /// <summary>Kills a service at once (SIGKILL), as a crash would.</summary>
    public Task KillAsync(string service) => MainProcess(service).StopAsync(ChildProcess.SigKill, TimeSpan.Zero);

    /// <summary>
    /// Starts a stopped or killed service again with the same command, environment and ports, and waits until it is healthy. The
    /// new process belongs to this fixture (the AppHost's view shows the old one as exited) and is stopped at the end.
    /// </summary>
    public async Task RestartAsync(string service, CancellationToken cancellationToken = default)
    {
        var resource = (ProcessResource)App.GetResource(service);
        if (resource.MainProcess is { HasExited: false } running)
        {
            await running.StopAsync(ChildProcess.SigTerm, TimeSpan.FromSeconds(10));
        }
        var process = ChildProcess.Start(resource.Command, resource.Arguments, new Dictionary<string, string>(resource.Environment()),
            resource.WorkingDirectory);
        _restarted.Add(process);
        var health = new Uri(App.GetEndpoint(service), "/health");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{service} exited on restart: {string.Join(" | ", process.RecentLines().TakeLast(5))}");
            }
            try
            {
                using var response = await _http.GetAsync(health, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250, timeout.Token);
        }
    }

    private ChildProcess MainProcess(string service) =>
        App.GetResource(service).MainProcess ?? throw new InvalidOperationException($"{service} has no process.");

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

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
