namespace DonationRegistry.Hosting;

/// <summary>The private RabbitMQ node (<see cref="RabbitMqNode"/>) as a resource; referenced as <c>amqp://guest:guest@127.0.0.1:PORT/</c>.</summary>
public sealed class RabbitMQServerResource : Resource, IResourceWithConnectionString
{
    private readonly Endpoint _amqp;
    private readonly Endpoint _dist;

    internal RabbitMQServerResource(string name, string directory, Endpoint amqp, Endpoint dist, Endpoint epmd) : base(name)
    {
        _amqp = amqp;
        _dist = dist;
        Epmd = epmd;
        Node = new RabbitMqNode(directory, amqp.Port, dist.Port, epmd.Port, onLine: WriteLine);
    }

    public RabbitMqNode Node { get; }

    /// <summary>The private epmd's port (not checked before start: a leftover epmd of ours on it is reused harmlessly).</summary>
    public Endpoint Epmd { get; }

    public override string Type => "RabbitMQ";

    public override IReadOnlyList<Endpoint> Endpoints => [_amqp];

    protected internal override IEnumerable<Endpoint> PortsToCheck => [_amqp, _dist];

    public override ChildProcess? MainProcess => Node.Process;

    public string ConnectionString => Node.ConnectionString;

    protected internal override void CheckPrerequisites() => RabbitMqNode.EnsureInstalled();

    protected internal override Task StartAsync(CancellationToken cancellationToken) => Node.StartAsync(cancellationToken);

    protected internal override Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => Node.IsHealthyAsync(cancellationToken);

    protected internal override Task StopAsync() => Node.StopAsync();
}
