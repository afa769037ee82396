namespace DonationRegistry.Hosting;

/// <summary>
/// A resource that is one child process whose environment the graph wires: references become <c>ConnectionStrings__&lt;name&gt;</c>
/// and <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>, as under Aspire. Started in its working directory, stopped with SIGTERM
/// (then killed with its tree after a grace period).
/// </summary>
public abstract class ProcessResource(string name) : Resource(name)
{
    private readonly List<KeyValuePair<string, Func<string>>> _environment = [];
    private ChildProcess? _process;

    public abstract string Command { get; }

    public abstract IReadOnlyList<string> Arguments { get; }

    public abstract string WorkingDirectory { get; }

    /// <summary>How long the process gets to exit after SIGTERM before its tree is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    public override ChildProcess? MainProcess => _process;

    internal void AddEnvironment(string key, Func<string> value) => _environment.Add(new(key, value));

    /// <summary>An extra condition for health, on top of the resource's own (see WithHealthCheck).</summary>
    internal Func<CancellationToken, Task<bool>>? AdditionalHealthCheck { get; set; }

    /// <summary>True when no additional check is set or it passes.</summary>
    protected async Task<bool> AdditionalHealthCheckPassesAsync(CancellationToken cancellationToken) =>
        AdditionalHealthCheck is null || await AdditionalHealthCheck(cancellationToken);

    /// <summary>The variables the process gets on top of the AppHost's own environment, in the order they are applied.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        AddDefaultEnvironment(result);
        foreach (var reference in References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnectionString:
                    result[$"ConnectionStrings__{reference.Name}"] = withConnectionString.ConnectionString;
                    break;
                case ProcessResource process:
                    foreach (var endpoint in process.Endpoints)
                    {
                        result[$"services__{process.Name}__{endpoint.Name}__0"] = endpoint.Url;
                    }
                    break;
                default:
                    throw new HostingException($"{Name} cannot reference {reference.Name}: it has neither a connection string nor endpoints.");
            }
        }
        foreach (var (key, value) in _environment)
        {
            result[key] = value();
        }
        return result;
    }

    /// <summary>Variables set before references and explicit ones (which win over them).</summary>
    protected virtual void AddDefaultEnvironment(IDictionary<string, string> environment)
    {
    }

    protected internal override Task StartAsync(CancellationToken cancellationToken)
    {
        _process = ChildProcess.Start(Command, Arguments, new Dictionary<string, string>(Environment()), WorkingDirectory, WriteLine);
        return Task.CompletedTask;
    }

    /// <summary>Default: healthy while the process runs (and the additional check, if any, passes).</summary>
    protected internal override async Task<bool> CheckHealthAsync(CancellationToken cancellationToken) =>
        _process is { HasExited: false } && await AdditionalHealthCheckPassesAsync(cancellationToken);

    /// <summary>SIGTERM, then the tree is killed after <see cref="StopGracePeriod"/>; orphans it left are killed too.</summary>
    protected internal override async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(ChildProcess.SigTerm, StopGracePeriod);
        }
    }
}
