using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.Hosting;
using DonationRegistry.Registration.V1;
using DonationRegistry.SystemTests.Tracing;
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
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();
    private readonly ConcurrentBag<GrpcChannel> _retiredChannels = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private DistributedApplication? _app;
    private SystemControl? _control;

    /// <summary>Every resource's output, kept after the run (an INTERNAL's exception is there).</summary>
    public SystemLogs Logs { get; } = new();

    /// <summary>Receives what every service exports over OTLP during the run (the tracing test reads the spans).</summary>
    public OtlpReceiver Telemetry { get; } = new();

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "donationregistry-system",
        $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system is not started.");

    /// <summary>Stop, kill and restart services, PostgreSQL and RabbitMQ.</summary>
    public SystemControl Control => _control ?? throw new InvalidOperationException("The system is not started.");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var builder = DistributedApplication.CreateBuilder(
        [
            $"--DataPath={DataPath}", $"--RepositoryRoot={root}", $"--AppHostDirectory={Path.Combine(root, "AppHost")}",
            $"--Configuration={BuildConfiguration}", "--ConsoleOutput=true", "--HealthIntervalSeconds=1",
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={Telemetry.Endpoint}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
        ]);
        SystemGraph.Add(builder);
        // The AppHost's console log takes Console.Out when it is built: it gets the log file instead (ours again at once).
        var console = Console.Out;
        Console.SetOut(Logs.Writer);
        try
        {
            _app = builder.Build();
        }
        finally
        {
            Console.SetOut(console);
        }
        // RabbitMQ's own start limit (90 s) is too short on a loaded machine (seen at load 40+); the whole start has StartTimeout.
        ((RabbitMQServerResource)_app.GetResource("messaging")).Node.StartTimeout = StartTimeout;
        _control = new SystemControl(_app, StartTimeout, Logs.Line);
        _control.Restarted += RetireChannels;
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        try
        {
            await Task.WhenAll(SystemGraph.Services.Select(s => _app.WaitForResourceHealthyAsync(s, timeout.Token)));
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"The system did not become healthy in time (output: {Logs.FilePath}): " +
                string.Join("; ", _app.Resources.Select(r => $"{r} {string.Join(" | ", r.RecentLines().TakeLast(3))}")));
        }
    }

    public async Task DisposeAsync()
    {
        if (_control is not null)
        {
            await _control.DisposeAsync();
        }
        foreach (var channel in _channels.Values.Concat(_retiredChannels))
        {
            channel.Dispose();
        }
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await Telemetry.DisposeAsync();
        Logs.Dispose();
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
            // A restarted service is reached again within a second, not after gRPC's default backoff of up to two minutes.
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
            MaxReconnectBackoff = TimeSpan.FromSeconds(1),
        }));

    /// <summary>
    /// An access token of an Identity demo user (see README) for <paramref name="scope"/>, from the running Identity. The first
    /// token of a run can take long on a loaded machine (Identity compiles and hashes), so it is asked again until a deadline; a
    /// failure is not kept.
    /// </summary>
    public async Task<string> TokenAsync(string userName, string scope)
    {
        var key = userName + " " + scope;
        var task = _tokens.GetOrAdd(key, _ => RequestTokenAsync(userName, scope));
        try
        {
            return await task;
        }
        catch
        {
            _tokens.TryRemove(new KeyValuePair<string, Task<string>>(key, task));
            throw;
        }
    }

    private async Task<string> RequestTokenAsync(string userName, string scope)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
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
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // Identity restarting or still slow to answer: ask again.
            }
        }
    }

    /// <summary>The connection string of a service's own database (to count what an event did there).</summary>
    public string Database(string name) => App.GetConnectionString(name);

    /// <summary>Stops a service gracefully (SIGTERM, then killed after 10 s).</summary>
    public Task StopAsync(string service) => Control.StopAsync(service);

    /// <summary>Kills a service at once (SIGKILL), as a crash would.</summary>
    public Task KillAsync(string service) => Control.KillAsync(service);

    /// <summary>Starts a stopped or killed service again and waits until it is healthy (see <see cref="SystemControl"/>).</summary>
    public Task RestartAsync(string service, CancellationToken cancellationToken = default) => Control.RestartAsync(service, cancellationToken);

    public Task<bool> IsHealthyAsync(string service, CancellationToken cancellationToken = default) =>
        Control.IsHealthyAsync(service, cancellationToken);

    /// <summary>
    /// Calls made while a service was down left its channels backing off; new ones connect at once. The old ones may still be in
    /// use (a load running through the restart), so they are disposed only at the end.
    /// </summary>
    private void RetireChannels(string service)
    {
        foreach (var key in _channels.Keys.Where(k => k.StartsWith(service + " ", StringComparison.Ordinal)))
        {
            if (_channels.TryRemove(key, out var stale))
            {
                _retiredChannels.Add(stale);
            }
        }
    }

    /// <summary>
    /// The name (<c>registrationPoints/{id}</c>) of the demo clerk's registration point, which Registration seeds in the background
    /// after it starts.
    /// </summary>
    public async Task<string> ClerkPointAsync()
    {
        var points = new RegistrationPoints.RegistrationPointsClient(
            Channel("registration", await TokenAsync("clerk", Scopes.Registration)));
        string? name = null;
        var seeded = await Eventually.HoldsAsync(async () =>
            (name = (await points.ListRegistrationPointsAsync(new ListRegistrationPointsRequest()))
                .Points.FirstOrDefault()?.Name) is not null, TimeSpan.FromMinutes(3));
        return seeded ? name! : throw new InvalidOperationException("The demo clerk's point was not seeded.");
    }

    /// <summary>The configuration the tests (and so the services and tools they run) were built in.</summary>
    public static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static string RepositoryRoot()
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
