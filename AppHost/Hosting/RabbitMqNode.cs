using System.Globalization;

namespace DonationRegistry.Hosting;

/// <summary>
/// A private RabbitMQ node run as a child process, never the system service: its own node name, data, logs, Erlang cookie and a
/// private epmd, all under <see cref="Directory"/>, every listener on 127.0.0.1. Calls the real scripts in
/// <c>/usr/lib/rabbitmq/bin</c> (the <c>/usr/sbin</c> wrappers switch to the rabbitmq user).
/// </summary>
public sealed class RabbitMqNode(string directory, int amqpPort, int distPort, int epmdPort, string nodeName = "donationregistry",
    Action<string>? onLine = null) : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private ChildProcess? _process;

    public string Directory { get; } = Path.GetFullPath(directory);
    public int AmqpPort { get; } = amqpPort;
    public int DistPort { get; } = distPort;
    public int EpmdPort { get; } = epmdPort;
    public string NodeName { get; } = $"{nodeName}@localhost";
    public ChildProcess? Process => _process;

    /// <summary>How long a start may take until AMQP accepts connections (a heavily loaded machine boots Erlang slowly).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The connection string services read as <c>ConnectionStrings:messaging</c>.</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    /// <summary>Throws a message naming the Debian package when the RabbitMQ server is not installed.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(Path.Combine(Bin, "rabbitmq-server")))
        {
            throw new HostingException(
                $"RabbitMQ was not found at {Bin}/rabbitmq-server. Install it: sudo apt-get install -y rabbitmq-server");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        EnsureInstalled();
        Ports.EnsureFree(AmqpPort, "RabbitMQ (AMQP)", "the messaging port setting");
        Ports.EnsureFree(DistPort, "RabbitMQ (Erlang distribution)", "the messaging port setting");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "home"));
        await File.WriteAllTextAsync(Path.Combine(Directory, "enabled_plugins"), "[].", cancellationToken);
        if (!File.Exists(Path.Combine(Directory, "rabbitmq.conf")))
        {
            await File.WriteAllTextAsync(Path.Combine(Directory, "rabbitmq.conf"), "", cancellationToken);
        }
        _process = ChildProcess.Start(Path.Combine(Bin, "rabbitmq-server"), [], Environment(), onLine: onLine);
        await WaitUntilReadyAsync(cancellationToken);
        // Only if the node outlived its owner: SIGTERM to the rabbitmq-server script stops its Erlang VM; if that hangs, kill the
        // VM; then our private epmd. After a clean stop the script is gone and nothing is touched (a restarted node keeps its epmd).
        var script = _process.Id;
        var alive = $"[ \"$(cat /proc/{script}/comm 2>/dev/null)\" = rabbitmq-server ]";
        OrphanGuard.AfterThisProcessExits(
            $"if {alive}; then kill -TERM {script}; sleep 10; {alive} && pkill -KILL -P {script}; " +
            $"ERL_EPMD_PORT={Port(EpmdPort)} epmd -kill; fi");
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await Ports.AcceptsConnectionsAsync(AmqpPort, cancellationToken))
        {
            if (_process!.HasExited)
            {
                throw new HostingException($"RabbitMQ exited with code {_process.ExitCode}:\n{string.Join('\n', _process.RecentLines())}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new HostingException($"RabbitMQ did not open port {AmqpPort} within {StartTimeout.TotalSeconds:0} s. Log: {Path.Combine(Directory, "log")}");
            }
            await Task.Delay(200, cancellationToken);
        }
        await CtlAsync("await_startup");
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) =>
        _process is { HasExited: false } ? Ports.AcceptsConnectionsAsync(AmqpPort, cancellationToken) : Task.FromResult(false);

    /// <summary>Stops the node (messages in durable queues are kept) and its private epmd.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            try
            {
                await CtlAsync("stop");
            }
            catch (Exception ex) when (ex is HostingException or TimeoutException)
            {
                // Fall back to the signal below.
            }
        }
        await _process.StopAsync(ChildProcess.SigTerm, TimeSpan.FromSeconds(20));
        _process = null;
        // epmd daemonises and outlives the node; ours listens on a private port, so killing it touches nothing else.
        await ChildProcess.RunAsync("epmd", ["-kill"], new Dictionary<string, string> { ["ERL_EPMD_PORT"] = Port(EpmdPort) },
            TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task CtlAsync(string command)
    {
        var (code, output) = await ChildProcess.RunAsync(Path.Combine(Bin, "rabbitmqctl"), ["-n", NodeName, command], Environment(),
            TimeSpan.FromSeconds(60));
        if (code != 0)
        {
            throw new HostingException($"rabbitmqctl {command} failed (exit {code}): {output}");
        }
    }

    private Dictionary<string, string> Environment()
    {
        var d = Directory;
        return new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(d, "home"), // the Erlang cookie lives here; rabbitmqctl must use the same HOME
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port(AmqpPort),
            ["RABBITMQ_DIST_PORT"] = Port(DistPort),
            ["ERL_EPMD_PORT"] = Port(EpmdPort),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(d, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(d, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(d, "rabbit.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(d, "enabled_plugins"),
            ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(d, "plugins-expand"),
            ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(d, "feature_flags"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(d, "rabbitmq-env.conf"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(d, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(d, "advanced.config"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_CTL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        };
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
