using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Hosting;
using Npgsql;
using Xunit;

namespace DonationRegistry.AppHost.Tests;

/// <summary>The real infrastructure graph: private PostgreSQL, a database on it, a private RabbitMQ node.</summary>
public sealed class ResourceGraphTests
{
    [Fact]
    public async Task StartAsync_WhenPostgresDatabaseAndRabbitMq_AllRunningHealthyInApiAndNothingLeftAfterStop()
    {
        using var graph = new TestGraph(
            $"--Ports:postgres={Ports.Free()}", $"--Ports:messaging:amqp={Ports.Free()}", $"--Ports:messaging:dist={Ports.Free()}",
            $"--Ports:messaging:epmd={Ports.Free()}");
        var postgres = graph.Builder.AddPostgres("postgres", durable: false);
        var db = postgres.AddDatabase("testdb");
        var messaging = graph.Builder.AddRabbitMQ("messaging").WaitFor(db);
        var app = graph.Builder.Build();
        var timeout = TestGraph.Timeout();
        var pids = new List<int>();
        try
        {
            await app.StartAsync(timeout);
            await app.WaitForResourceHealthyAsync("messaging", timeout);
            await app.WaitForResourceHealthyAsync("testdb", timeout);

            using var http = new HttpClient();
            var resources = await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{graph.DashboardPort}/api/resources", timeout);
            Assert.Equal(["postgres", "testdb", "messaging"], resources.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
            Assert.All(resources.EnumerateArray(), r =>
            {
                Assert.Equal("Running", r.GetProperty("state").GetString());
                Assert.True(r.GetProperty("healthy").GetBoolean());
            });
            Assert.Equal(messaging.Resource.ConnectionString,
                resources.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "messaging").GetProperty("connectionString").GetString());

            await using (var connection = new NpgsqlConnection(app.GetConnectionString("testdb")))
            {
                await connection.OpenAsync(timeout);
                await using var command = new NpgsqlCommand("SELECT current_database()", connection);
                Assert.Equal("testdb", await command.ExecuteScalarAsync(timeout));
            }
            Assert.True(await Ports.AcceptsConnectionsAsync(messaging.Resource.Node.AmqpPort, timeout));

            // WaitFor: the database started after the server was healthy, RabbitMQ after the database was.
            Assert.True(db.Resource.StartSequence > postgres.Resource.HealthySequence);
            Assert.True(messaging.Resource.StartSequence > db.Resource.HealthySequence);

            pids.AddRange(app.Resources.SelectMany(r => r.ProcessIds()));
            Assert.Contains(postgres.Resource.MainProcess!.Id, pids);
            Assert.Contains(messaging.Resource.MainProcess!.Id, pids);
            Assert.True(pids.Count > 3, $"postgres and beam have children; got {string.Join(' ', pids)}");
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.All(app.Resources, r => Assert.Equal(ResourceState.Stopped, r.State));
        Assert.DoesNotContain(pids, ProcessTree.IsAlive);
        Assert.True(Ports.IsFree(messaging.Resource.Epmd.Port), "the private epmd is stopped with the node");
        Assert.True(Ports.IsFree(postgres.Resource.Endpoints[0].Port));
        Assert.True(Ports.IsFree(graph.DashboardPort), "the dashboard is stopped");
    }

    [Fact]
    public async Task StartAsync_WhenSecondRunOnSameDataPath_ReusesClusterAndKeepsData()
    {
        using var graph = new TestGraph($"--Ports:postgres={Ports.Free()}");
        var args = new[] { $"--DataPath={graph.DataPath}", $"--Ports:postgres={Ports.Free()}", "--ConsoleOutput=false" };
        await RunOnceAsync(args, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        var version = File.GetLastWriteTimeUtc(Path.Combine(graph.DataPath, "postgres", "data", "PG_VERSION"));

        var answer = await RunOnceAsync(args, "SELECT id FROM kept");

        Assert.Equal(42, answer);
        Assert.Equal(version, File.GetLastWriteTimeUtc(Path.Combine(graph.DataPath, "postgres", "data", "PG_VERSION")));
    }

    private static async Task<object?> RunOnceAsync(string[] args, string sql)
    {
        var builder = DistributedApplication.CreateBuilder([.. args, $"--Ports:Dashboard={Ports.Free()}"]);
        builder.AddPostgres("postgres", durable: false).AddDatabase("keptdb");
        await using var app = builder.Build();
        var timeout = TestGraph.Timeout();
        await app.StartAsync(timeout);
        await app.WaitForResourceHealthyAsync("keptdb", timeout);
        await using var connection = new NpgsqlConnection(app.GetConnectionString("keptdb"));
        await connection.OpenAsync(timeout);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(timeout);
    }
}
