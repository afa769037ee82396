using System.Collections.Concurrent;
using DonationRegistry.Hosting;

namespace DonationRegistry.SystemTests;

/// <summary>
/// Faults on a running system (the system tests and bench/Load share it): stop, kill (SIGKILL) and restart any service process,
/// restart PostgreSQL or RabbitMQ, and ask whether a service is healthy. A restarted service runs with the same command,
/// environment and ports; its new process belongs to this object (the AppHost's view shows the old one as exited) and is stopped
/// on dispose. <paramref name="onLine"/> receives a restarted process's output lines with the service's name.
/// </summary>
public sealed class SystemControl(DistributedApplication app, TimeSpan startTimeout, Action<string, string>? onLine = null)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ChildProcess> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentBag<ChildProcess> _restarted = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Raised after a service was restarted (callers drop connections that are backing off).</summary>
    public event Action<string>? Restarted;

    /// <summary>The PostgreSQL cluster every service database lives on.</summary>
    public PostgresServer Postgres => ((PostgresServerResource)app.GetResource("postgres")).Server;

    /// <summary>The RabbitMQ node every service publishes to and consumes from.</summary>
    public RabbitMqNode RabbitMq => ((RabbitMQServerResource)app.GetResource("messaging")).Node;

    /// <summary>Stops a service gracefully (SIGTERM, then killed after 10 s).</summary>
    public Task StopAsync(string service) => MainProcess(service).StopAsync(ChildProcess.SigTerm, TimeSpan.FromSeconds(10));

    /// <summary>Kills a service at once (SIGKILL), as a crash would.</summary>
    public Task KillAsync(string service) => MainProcess(service).StopAsync(ChildProcess.SigKill, TimeSpan.Zero);

    /// <summary>Starts a stopped or killed service again and waits until it is healthy.</summary>
    public async Task RestartAsync(string service, CancellationToken cancellationToken = default)
    {
        var resource = (ProcessResource)app.GetResource(service);
        var running = MainProcess(service);
        if (!running.HasExited)
        {
            await running.StopAsync(ChildProcess.SigTerm, TimeSpan.FromSeconds(10));
        }
        var process = ChildProcess.Start(resource.Command, resource.Arguments, new Dictionary<string, string>(resource.Environment()),
            resource.WorkingDirectory, onLine is null ? null : line => onLine(service, line));
        _restarted.Add(process);
        _current[service] = process;
        Restarted?.Invoke(service);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(startTimeout);
        while (!await IsHealthyAsync(service, timeout.Token))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{service} exited on restart: {string.Join(" | ", process.RecentLines().TakeLast(5))}");
            }
            await Task.Delay(250, timeout.Token);
        }
    }

    /// <summary>Fast shutdown of PostgreSQL (open transactions rolled back), then started again on the same port and data.</summary>
    public async Task RestartPostgresAsync()
    {
        await Postgres.StopAsync();
        await Postgres.StartAsync();
    }

    /// <summary>Stops the RabbitMQ node for <paramref name="outage"/>, then starts it again (durable queues are kept).</summary>
    public async Task StopRabbitMqForAsync(TimeSpan outage)
    {
        await RabbitMq.StopAsync();
        await Task.Delay(outage);
        RabbitMq.StartTimeout = startTimeout;
        await RabbitMq.StartAsync();
    }

    /// <summary>Whether the service's own process (the restarted one, if any) runs and its <c>/health</c> answers OK.</summary>
    public async Task<bool> IsHealthyAsync(string service, CancellationToken cancellationToken = default)
    {
        if (MainProcess(service).HasExited)
        {
            return false;
        }
        try
        {
            using var response = await _http.GetAsync(new Uri(app.GetEndpoint(service), "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _restarted)
        {
            await process.DisposeAsync();
        }
        _http.Dispose();
    }

    private ChildProcess MainProcess(string service) =>
        _current.TryGetValue(service, out var restarted) ? restarted
            : app.GetResource(service).MainProcess ?? throw new InvalidOperationException($"{service} has no process.");
}
