namespace DonationRegistry.Hosting;

/// <summary>The private PostgreSQL cluster (<see cref="PostgresServer"/>) as a resource. Databases are added on it.</summary>
public sealed class PostgresServerResource : Resource, IResourceWithConnectionString
{
    private readonly Endpoint _endpoint;

    internal PostgresServerResource(string name, string directory, Endpoint endpoint, bool durable) : base(name)
    {
        _endpoint = endpoint;
        Server = new PostgresServer(directory, endpoint.Port, durable, WriteLine);
    }

    public PostgresServer Server { get; }

    public override string Type => "PostgreSQL";

    public override IReadOnlyList<Endpoint> Endpoints => [_endpoint];

    public override ChildProcess? MainProcess => Server.Process;

    /// <summary>Connection string to the maintenance database <c>postgres</c>.</summary>
    public string ConnectionString => Server.ConnectionString();

    protected internal override void CheckPrerequisites() => PostgresServer.FindBinaries();

    protected internal override Task StartAsync(CancellationToken cancellationToken) => Server.StartAsync(cancellationToken);

    protected internal override Task<bool> CheckHealthAsync(CancellationToken cancellationToken) =>
        Server.Process is { HasExited: false } ? Server.IsHealthyAsync(cancellationToken) : Task.FromResult(false);

    protected internal override Task StopAsync() => Server.StopAsync();
}
