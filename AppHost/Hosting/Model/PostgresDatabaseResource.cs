using Npgsql;

namespace DonationRegistry.Hosting;

/// <summary>A database on a <see cref="PostgresServerResource"/>, created (if missing) once the server is healthy.</summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    private readonly PostgresServerResource _server;

    internal PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server) : base(name)
    {
        _server = server;
        DatabaseName = databaseName;
    }

    public string DatabaseName { get; }

    public override Resource Parent => _server;

    public override string Type => "PostgresDatabase";

    public string ConnectionString => _server.Server.ConnectionString(DatabaseName);

    protected internal override IEnumerable<Endpoint> PortsToCheck => [];

    protected internal override Task StartAsync(CancellationToken cancellationToken) =>
        _server.Server.CreateDatabaseAsync(DatabaseName, cancellationToken);

    protected internal override async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Nothing to stop: the database lives as long as its server's data folder.</summary>
    protected internal override Task StopAsync() => Task.CompletedTask;
}
