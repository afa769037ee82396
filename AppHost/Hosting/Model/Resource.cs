namespace DonationRegistry.Hosting;

/// <summary>
/// One node of the application graph: something the AppHost starts, watches and stops (a server, a database on it, a process).
/// Keeps its state, what it waits for and references, and its most recent output lines.
/// </summary>
public abstract class Resource : IResource
{
    /// <summary>How many output lines each resource keeps for the dashboard.</summary>
    public const int KeptLines = 200;

    private static long s_sequence;
    private readonly Lock _gate = new();
    private readonly Queue<string> _lines = new();
    private readonly List<Resource> _waitsFor = [];
    private readonly List<Resource> _references = [];
    private readonly TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected Resource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>A short type name for people and scripts (<c>PostgreSQL</c>, <c>Project</c>, ...).</summary>
    public abstract string Type { get; }

    public ResourceState State { get; private set; } = ResourceState.Waiting;

    /// <summary>Exit code when <see cref="State"/> is <see cref="ResourceState.Exited"/>.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Why the resource failed or is not healthy, in words.</summary>
    public string? Reason { get; private set; }

    public bool IsHealthy => State == ResourceState.Running;

    /// <summary>The resource this one lives on (a database's server), which it always waits for.</summary>
    public virtual Resource? Parent => null;

    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    public IReadOnlyList<Resource> References => _references;

    public virtual IReadOnlyList<Endpoint> Endpoints => [];

    /// <summary>The process the resource runs, when it runs one.</summary>
    public virtual ChildProcess? MainProcess => null;

    /// <summary>Raised after every state change.</summary>
    public event Action<Resource>? StateChanged;

    /// <summary>Order (across all resources) in which this resource started and became healthy; 0 = not yet.</summary>
    internal long StartSequence { get; private set; }

    internal long HealthySequence { get; private set; }

    /// <summary>Completes when the resource first becomes healthy; faults if it ends (exits, fails, stops) before that.</summary>
    internal Task Healthy => _healthy.Task;

    internal Action<Resource, string>? LineWritten { get; set; }

    /// <summary>Everything this resource needs to be started before it and stopped after it.</summary>
    internal IEnumerable<Resource> Dependencies =>
        (Parent is null ? _waitsFor.Concat(_references) : _waitsFor.Concat(_references).Append(Parent)).Distinct();

    /// <summary>What must be healthy before this resource starts.</summary>
    internal IEnumerable<Resource> StartsAfter => (Parent is null ? _waitsFor : _waitsFor.Append(Parent)).Distinct();

    /// <summary>The most recent output lines, oldest first.</summary>
    public IReadOnlyList<string> RecentLines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    /// <summary>PIDs of the resource's process and all its descendants right now.</summary>
    public IReadOnlyList<int> ProcessIds() =>
        MainProcess is { HasExited: false } process ? [process.Id, .. ProcessTree.Descendants(process.Id)] : [];

    /// <summary>A copy of the resource's current state, as the dashboard and <c>/api/resources</c> show it.</summary>
    public ResourceSnapshot Snapshot() => new(
        Name,
        Type,
        State.ToString(),
        IsHealthy,
        ExitCode,
        Reason,
        [.. Endpoints.Select(e => new EndpointSnapshot(e.Name, e.Url))],
        (this as IResourceWithConnectionString)?.ConnectionString,
        [.. StartsAfter.Select(r => r.Name)],
        ProcessIds(),
        RecentLines());

    /// <summary>Throws a <see cref="HostingException"/> naming what to install or build when the resource cannot start here.</summary>
    protected internal virtual void CheckPrerequisites()
    {
    }

    /// <summary>Ports to check before anything starts.</summary>
    protected internal virtual IEnumerable<Endpoint> PortsToCheck => Endpoints;

    /// <summary>Starts the resource. May return before it is healthy; the AppHost then polls <see cref="CheckHealthAsync"/>.</summary>
    protected internal abstract Task StartAsync(CancellationToken cancellationToken);

    protected internal abstract Task<bool> CheckHealthAsync(CancellationToken cancellationToken);

    protected internal abstract Task StopAsync();

    /// <summary>Keeps <paramref name="line"/> and passes it to the console.</summary>
    protected internal void WriteLine(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
        LineWritten?.Invoke(this, line);
    }

    internal void AddWaitFor(Resource resource)
    {
        if (resource == this)
        {
            throw new ArgumentException($"{Name} cannot wait for itself.", nameof(resource));
        }
        if (!_waitsFor.Contains(resource))
        {
            _waitsFor.Add(resource);
        }
    }

    internal void AddReference(Resource resource)
    {
        if (resource == this)
        {
            throw new ArgumentException($"{Name} cannot reference itself.", nameof(resource));
        }
        if (!_references.Contains(resource))
        {
            _references.Add(resource);
        }
    }

    internal void SetState(ResourceState state, int? exitCode = null, string? reason = null)
    {
        lock (_gate)
        {
            State = state;
            ExitCode = exitCode;
            Reason = reason;
            if (state == ResourceState.Starting && StartSequence == 0)
            {
                StartSequence = Interlocked.Increment(ref s_sequence);
            }
            if (state == ResourceState.Running && HealthySequence == 0)
            {
                HealthySequence = Interlocked.Increment(ref s_sequence);
            }
        }
        if (state == ResourceState.Running)
        {
            _healthy.TrySetResult();
        }
        else if (state is ResourceState.Exited or ResourceState.Failed or ResourceState.Stopped)
        {
            _healthy.TrySetException(new HostingException($"{Name} is {Describe()} and never became healthy."));
        }
        StateChanged?.Invoke(this);
    }

    /// <summary>The state in words, e.g. <c>Exited(1)</c> or <c>Failed: port taken</c>.</summary>
    public string Describe() => State switch
    {
        ResourceState.Exited => $"Exited({ExitCode})",
        ResourceState.Failed => $"Failed: {Reason}",
        _ => State.ToString(),
    };

    public override string ToString() => $"{Type} {Name} ({Describe()})";
}
