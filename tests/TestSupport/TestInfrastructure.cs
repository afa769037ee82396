using DonationRegistry.Hosting;

namespace DonationRegistry.TestSupport;

/// <summary>
/// The private PostgreSQL cluster and RabbitMQ node shared by every test in a test run, started on first use (with the same
/// <see cref="PostgresServer"/> and <see cref="RabbitMqNode"/> the AppHost uses) on free ports under a temporary folder, and
/// stopped when the test process exits (or, if the runner kills it first, by the resources' OrphanGuard). PostgreSQL runs without fsync here: tests want speed, not crash safety.
/// </summary>
public static class TestInfrastructure
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "donationregistry-tests", $"{Environment.ProcessId}");
    private static readonly Lazy<Task<PostgresServer>> SharedPostgres = new(StartPostgresAsync);
    private static readonly Lazy<Task<RabbitMqNode>> SharedRabbitMq = new(() => StartRabbitMqAsync("shared"));

    static TestInfrastructure()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
    }

    public static Task<PostgresServer> PostgresAsync() => SharedPostgres.Value;

    public static Task<RabbitMqNode> RabbitMqAsync() => SharedRabbitMq.Value;

    /// <summary>
    /// A RabbitMQ node of the caller's own, for tests that stop and restart the broker; the caller disposes it.
    /// </summary>
    public static Task<RabbitMqNode> StartPrivateRabbitMqAsync(string name) => StartRabbitMqAsync(name);

    private static async Task<PostgresServer> StartPostgresAsync()
    {
        var server = new PostgresServer(Path.Combine(Root, "postgres"), Ports.Free(), durable: false);
        await server.StartAsync();
        return server;
    }

    private static async Task<RabbitMqNode> StartRabbitMqAsync(string name)
    {
        var node = new RabbitMqNode(Path.Combine(Root, "rabbitmq-" + name), Ports.Free(), Ports.Free(), Ports.Free(),
            nodeName: $"test{Environment.ProcessId}{name}");
        await node.StartAsync();
        return node;
    }

    private static void StopAll()
    {
        // PostgreSQL first: it stops in a fraction of a second, RabbitMQ takes seconds, and the test runner may not wait that
        // long (whatever is left is stopped by the OrphanGuard the resources set up).
        if (SharedPostgres.IsValueCreated && SharedPostgres.Value.IsCompletedSuccessfully)
        {
            SharedPostgres.Value.Result.StopAsync().GetAwaiter().GetResult();
        }
        if (SharedRabbitMq.IsValueCreated && SharedRabbitMq.Value.IsCompletedSuccessfully)
        {
            SharedRabbitMq.Value.Result.StopAsync().GetAwaiter().GetResult();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the folder is under the temp path and does no harm.
        }
    }
}
