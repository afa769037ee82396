using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

namespace DonationRegistry.Hosting;

/// <summary>
/// The running graph: starts each resource once everything it waits for is healthy, watches health and exits, serves the
/// dashboard, and stops everything in reverse dependency order (on Ctrl+C/SIGTERM under <see cref="RunAsync"/>, or on
/// <see cref="StopAsync"/>/dispose when used from tests, like Aspire.Hosting.Testing).
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private static readonly TimeSpan StartPollInterval = TimeSpan.FromMilliseconds(250);
    private readonly DistributedApplicationBuilder _builder;
    private readonly ConsoleLog _log;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<HostingException> _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _runs = [];
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private Dashboard? _dashboard;
    private bool _started;
    private bool _stopped;

    internal DistributedApplication(DistributedApplicationBuilder builder, IReadOnlyList<Resource> resources)
    {
        _builder = builder;
        Resources = resources;
        HealthInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("HealthIntervalSeconds", 5.0));
        _log = new ConsoleLog(resources.Select(r => r.Name), builder.Configuration.GetValue("ConsoleOutput", true));
        foreach (var resource in resources)
        {
            resource.LineWritten = (r, line) => _log.Line(r.Name, line);
        }
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    public IReadOnlyList<Resource> Resources { get; }

    public string DataPath => _builder.DataPath;

    public string DashboardUrl => $"http://127.0.0.1:{_builder.DashboardPort}/";

    /// <summary>How often a running resource's health is checked (setting <c>HealthIntervalSeconds</c>, default 5).</summary>
    public TimeSpan HealthInterval { get; }

    public Resource GetResource(string name) =>
        Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No resource named '{name}'. Resources: {string.Join(", ", Resources.Select(r => r.Name))}.");

    public string GetConnectionString(string name) =>
        GetResource(name) is IResourceWithConnectionString r ? r.ConnectionString : throw new InvalidOperationException($"{name} has no connection string.");

    public Uri GetEndpoint(string resourceName, string endpointName = "http") =>
        new(GetResource(resourceName).Endpoints.FirstOrDefault(e => e.Name == endpointName)?.Url
            ?? throw new InvalidOperationException($"{resourceName} has no endpoint named '{endpointName}'."));

    public IReadOnlyList<ResourceSnapshot> Snapshot() => [.. Resources.Select(r => r.Snapshot())];

    /// <summary>
    /// Checks prerequisites and ports (throwing one <see cref="HostingException"/> listing every problem, before anything starts),
    /// starts the dashboard, then starts the resources in the background. Await
    /// <see cref="WaitForResourceHealthyAsync"/> to know when one is up.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The application was already started.");
        }
        _started = true;
        CheckBeforeStart();
        Directory.CreateDirectory(DataPath);
        _dashboard = await Dashboard.StartAsync(_builder.DashboardPort, Snapshot, cancellationToken);
        _log.Info($"dashboard 控制台: {DashboardUrl}   data 数据: {DataPath}");
        foreach (var resource in Resources)
        {
            _runs.Add(Task.Run(() => RunResourceAsync(resource, _lifetime.Token), CancellationToken.None));
        }
    }

    /// <summary>Completes when the resource is healthy; throws <see cref="HostingException"/> if it (or the start) failed.</summary>
    public async Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = GetResource(name);
        var first = await Task.WhenAny(resource.Healthy, _fatal.Task).WaitAsync(cancellationToken);
        if (first == _fatal.Task && !resource.Healthy.IsCompletedSuccessfully)
        {
            throw _fatal.Task.Result;
        }
        await resource.Healthy;
    }

    /// <summary>Completes when the resource's state satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceState> WaitForResourceAsync(string name, Func<ResourceState, bool> predicate,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var resource = GetResource(name);
        var reached = new TaskCompletionSource<ResourceState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(Resource r)
        {
            var state = r.State;
            if (predicate(state))
            {
                reached.TrySetResult(state);
            }
        }
        resource.StateChanged += OnChange;
        try
        {
            OnChange(resource);
            return await reached.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            resource.StateChanged -= OnChange;
        }
    }

    /// <summary>
    /// Starts everything and runs until Ctrl+C (SIGINT), SIGTERM or SIGHUP, then stops everything. A start failure (port taken,
    /// server not installed, service not built) is printed, what was started is stopped, and the exit code becomes 1.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        // Children get sessions of their own, so a Ctrl+C at the terminal reaches only us and we stop them in order.
        ChildProcess.UseOwnSession = true;
        var shutdown = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref signals) == 1)
            {
                shutdown.TrySetResult(context.Signal.ToString());
            }
            else
            {
                _log.Error("second signal: killing every child process now");
                KillAll();
            }
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        await using var registration = cancellationToken.Register(() => shutdown.TrySetResult("cancellation"));

        try
        {
            await StartAsync(cancellationToken);
            _log.Info("Ctrl+C stops everything 按 Ctrl+C 停止全部");
            var first = await Task.WhenAny(shutdown.Task, _fatal.Task);
            if (first == _fatal.Task)
            {
                Fail(_fatal.Task.Result);
            }
            else
            {
                _log.Info($"{shutdown.Task.Result}: stopping (a second Ctrl+C kills everything at once)");
            }
        }
        catch (HostingException ex)
        {
            Fail(ex);
        }
        var watch = Stopwatch.StartNew();
        await StopAsync();
        _log.Info($"all stopped in {Seconds(watch)} 已全部停止");
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Stops every resource, dependents before what they depend on, then the dashboard. Safe to call twice.</summary>
    public async Task StopAsync()
    {
        await _stopGate.WaitAsync();
        try
        {
            if (!_started || _stopped)
            {
                return;
            }
            _stopped = true;
            await _lifetime.CancelAsync();
            await Task.WhenAll(_runs);
            // Processes first, in waves (what no remaining resource depends on stops now, in parallel); then servers and
            // databases one at a time in reverse order of declaration (e.g. RabbitMQ, then PostgreSQL). Declaration order is a
            // dependency order, since a resource can only wait for or reference one declared before it.
            var remaining = Resources.ToList();
            while (remaining.Count > 0)
            {
                var free = remaining.Where(r => !remaining.Any(other => other.Dependencies.Contains(r))).ToList();
                var processes = free.OfType<ProcessResource>().ToList<Resource>();
                var wave = processes.Count > 0 ? processes : [free[^1]];
                await Task.WhenAll(wave.Select(StopResourceAsync));
                remaining.RemoveAll(wave.Contains);
            }
            if (_dashboard is not null)
            {
                await _dashboard.DisposeAsync();
            }
        }
        finally
        {
            _stopGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _lifetime.Dispose();
        _stopGate.Dispose();
    }

    private void Fail(HostingException ex)
    {
        _log.Error(ex.Message);
        _log.Error("start failed 启动失败: stopping what was started");
        Environment.ExitCode = 1;
    }

    private void CheckBeforeStart()
    {
        var problems = new List<string>();
        var owners = new Dictionary<int, string> { [_builder.DashboardPort] = "dashboard" };
        CheckPort(_builder.DashboardPort, "dashboard", "--Ports:Dashboard=<port> (or environment variable Ports__Dashboard)", owners, problems);
        foreach (var resource in Resources)
        {
            try
            {
                resource.CheckPrerequisites();
            }
            catch (HostingException ex)
            {
                problems.Add(ex.Message);
            }
            foreach (var endpoint in resource.PortsToCheck)
            {
                var owner = $"{resource.Name} ({endpoint.Name})";
                if (owners.TryGetValue(endpoint.Port, out var other))
                {
                    problems.Add($"{owner}: port {endpoint.Port} is also configured for {other}. Choose another with {endpoint.Setting}.");
                    continue;
                }
                owners[endpoint.Port] = owner;
                CheckPort(endpoint.Port, owner, endpoint.Setting, owners, problems);
            }
        }
        if (problems.Count > 0)
        {
            throw new HostingException(string.Join('\n', problems.Distinct()));
        }

        static void CheckPort(int port, string owner, string setting, Dictionary<int, string> owners, List<string> problems)
        {
            try
            {
                Ports.EnsureFree(port, owner, setting);
            }
            catch (HostingException ex)
            {
                problems.Add(ex.Message);
            }
        }
    }

    private async Task RunResourceAsync(Resource resource, CancellationToken cancellationToken)
    {
        var waitsFor = resource.StartsAfter.ToList();
        if (waitsFor.Count > 0)
        {
            _log.Info($"{resource.Name} waits for {string.Join(", ", waitsFor.Select(r => r.Name))}");
        }
        foreach (var dependency in waitsFor)
        {
            try
            {
                await dependency.Healthy.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HostingException)
            {
                resource.SetState(ResourceState.Failed, reason: $"{dependency.Name} did not become healthy ({dependency.Describe()})");
                _log.Error($"{resource.Name} will not start: {resource.Reason}");
                return;
            }
        }

        var watch = Stopwatch.StartNew();
        resource.SetState(ResourceState.Starting);
        _log.Info($"starting {resource.Name} 启动中");
        try
        {
            await resource.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Any start failure stops the application with its message; nothing is swallowed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var error = ex as HostingException ?? new HostingException($"{resource.Name}: {ex.GetType().Name}: {ex.Message}");
            resource.SetState(ResourceState.Failed, reason: error.Message);
            _fatal.TrySetResult(error);
            return;
        }

        try
        {
            var exited = resource.MainProcess?.WaitForExitAsync(cancellationToken) ?? Task.Delay(Timeout.Infinite, cancellationToken);
            while (!await resource.CheckHealthAsync(cancellationToken))
            {
                if (resource.MainProcess is { HasExited: true } process)
                {
                    ReportExit(resource, process);
                    return;
                }
                await Task.WhenAny(exited, Task.Delay(StartPollInterval, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
            var endpoints = string.Join(' ', resource.Endpoints.Where(e => e.Scheme == "http").Select(e => $"{e.Name}={e.Url}"));
            _log.Info($"{resource.Name} is healthy 运行中 ({Seconds(watch)}) {endpoints}".TrimEnd());
            resource.SetState(ResourceState.Running);

            while (true)
            {
                await Task.WhenAny(exited, Task.Delay(HealthInterval, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (resource.MainProcess is { HasExited: true } process)
                {
                    ReportExit(resource, process);
                    return;
                }
                var healthy = await resource.CheckHealthAsync(cancellationToken);
                if (healthy && resource.State != ResourceState.Running)
                {
                    resource.SetState(ResourceState.Running);
                    _log.Info($"{resource.Name} is healthy again");
                }
                else if (!healthy && resource.State == ResourceState.Running)
                {
                    resource.SetState(ResourceState.Unhealthy, reason: "health check failed");
                    _log.Error($"{resource.Name} is unhealthy 不健康");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void ReportExit(Resource resource, ChildProcess process)
    {
        var last = process.RecentLines().TakeLast(1).FirstOrDefault();
        resource.SetState(ResourceState.Exited, process.ExitCode, last);
        _log.Error($"{resource.Name} exited with code {process.ExitCode} 已退出 (its last lines are above and on the dashboard)");
    }

    private async Task StopResourceAsync(Resource resource)
    {
        var wasStarted = resource.State is ResourceState.Starting or ResourceState.Running or ResourceState.Unhealthy;
        var watch = Stopwatch.StartNew();
        if (wasStarted)
        {
            _log.Info($"stopping {resource.Name}");
        }
        try
        {
            await resource.StopAsync();
        }
#pragma warning disable CA1031 // Stopping goes on with the other resources; the problem is printed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Error($"stopping {resource.Name} failed: {ex.Message}");
        }
        if (resource.State is not (ResourceState.Exited or ResourceState.Failed))
        {
            resource.SetState(ResourceState.Stopped);
        }
        if (wasStarted)
        {
            _log.Info($"{resource.Name} stopped 已停止 ({Seconds(watch)})");
        }
    }

    private void KillAll()
    {
        foreach (var process in Resources.Select(r => r.MainProcess).OfType<ChildProcess>())
        {
            _ = process.StopAsync(ChildProcess.SigKill, TimeSpan.Zero);
        }
    }

    private static string Seconds(Stopwatch watch) =>
        watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
