using DonationRegistry.Hosting;
using Xunit;

namespace DonationRegistry.AppHost.Tests;

/// <summary>Start order, exits and stopping, with small shell programs as resources (cheap real processes).</summary>
public sealed class ProcessResourceTests
{
    [Fact]
    public async Task WaitFor_WhenDependencyBecomesHealthy_DependentStartsOnlyAfterIt()
    {
        using var graph = new TestGraph();
        var first = graph.Builder.AddExecutable("first", "sleep", graph.DataPath, "300");
        var second = graph.Builder.AddExecutable("second", "sleep", graph.DataPath, "300").WaitFor(first);
        var third = graph.Builder.AddExecutable("third", "sleep", graph.DataPath, "300").WaitFor(second).WaitFor(first);
        Directory.CreateDirectory(graph.DataPath);
        await using var app = graph.Builder.Build();

        await app.StartAsync(TestGraph.Timeout());
        await app.WaitForResourceHealthyAsync("third", TestGraph.Timeout());

        Assert.True(second.Resource.StartSequence > first.Resource.HealthySequence);
        Assert.True(third.Resource.StartSequence > second.Resource.HealthySequence);
        Assert.Equal(["second", "first"], third.Resource.Snapshot().WaitsFor);
    }

    [Fact]
    public async Task RunResource_WhenProcessExits_IsExitedWithCodeAndLastLines()
    {
        using var graph = new TestGraph();
        graph.Builder.AddExecutable("short", "sh", Path.GetTempPath(), "-c", "echo hello; echo trouble >&2; exit 7");
        await using var app = graph.Builder.Build();

        await app.StartAsync(TestGraph.Timeout());
        await app.WaitForResourceAsync("short", s => s is ResourceState.Exited, TestGraph.Timeout());

        var snapshot = app.GetResource("short").Snapshot();
        Assert.Equal("Exited", snapshot.State);
        Assert.Equal(7, snapshot.ExitCode);
        Assert.False(snapshot.Healthy);
        Assert.Contains("hello", snapshot.Logs);
        Assert.Contains("trouble", snapshot.Logs);
    }

    [Fact]
    public async Task WaitFor_WhenDependencyExitsBeforeHealthy_DependentFailsWithoutStarting()
    {
        using var graph = new TestGraph();
        var broken = graph.Builder.AddExecutable("broken", "sh", Path.GetTempPath(), "-c", "sleep 0.2; exit 3")
            .WithHealthCheck(_ => Task.FromResult(false));
        var dependent = graph.Builder.AddExecutable("dependent", "sleep", Path.GetTempPath(), "300").WaitFor(broken);
        await using var app = graph.Builder.Build();

        await app.StartAsync(TestGraph.Timeout());
        await app.WaitForResourceAsync("dependent", s => s is not (ResourceState.Waiting or ResourceState.Starting), TestGraph.Timeout());

        Assert.Equal(ResourceState.Exited, broken.Resource.State);
        Assert.Equal(3, broken.Resource.ExitCode);
        Assert.Equal(ResourceState.Failed, dependent.Resource.State);
        Assert.Contains("broken", dependent.Resource.Reason, StringComparison.Ordinal);
        Assert.Equal(0, dependent.Resource.StartSequence);
        await Assert.ThrowsAsync<HostingException>(() => app.WaitForResourceHealthyAsync("dependent", TestGraph.Timeout()));
    }

    [Fact]
    public async Task RunResource_WhenHealthCheckStartsFailing_BecomesUnhealthyThenRunningAgain()
    {
        using var graph = new TestGraph();
        var healthy = true;
        graph.Builder.AddExecutable("flaky", "sleep", Path.GetTempPath(), "300").WithHealthCheck(_ => Task.FromResult(Volatile.Read(ref healthy)));
        await using var app = graph.Builder.Build();
        await app.StartAsync(TestGraph.Timeout());
        await app.WaitForResourceHealthyAsync("flaky", TestGraph.Timeout());

        Volatile.Write(ref healthy, false);
        await app.WaitForResourceAsync("flaky", s => s == ResourceState.Unhealthy, TestGraph.Timeout());
        Assert.False(app.GetResource("flaky").Snapshot().Healthy);
        Volatile.Write(ref healthy, true);
        var state = await app.WaitForResourceAsync("flaky", s => s == ResourceState.Running, TestGraph.Timeout());

        Assert.Equal(ResourceState.Running, state);
    }

    [Fact]
    public async Task WaitForResourceHealthyAsync_WhenAnotherResourceFailsToStart_ThrowsItsMessage()
    {
        using var graph = new TestGraph($"--Ports:postgres={Ports.Free()}");
        Directory.CreateDirectory(graph.DataPath);
        await File.WriteAllTextAsync(Path.Combine(graph.DataPath, "postgres"), "a file where the cluster folder should be");
        var postgres = graph.Builder.AddPostgres("postgres", durable: false);
        graph.Builder.AddExecutable("after", "sleep", Path.GetTempPath(), "300").WaitFor(postgres);
        await using var app = graph.Builder.Build();
        await app.StartAsync(TestGraph.Timeout());

        var error = await Assert.ThrowsAsync<HostingException>(() => app.WaitForResourceHealthyAsync("after", TestGraph.Timeout()));

        Assert.StartsWith("postgres: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(ResourceState.Failed, postgres.Resource.State);
        Assert.Equal(0, app.GetResource("after").StartSequence);
    }

    [Fact]
    public async Task StopAsync_WhenProcessesRun_StopsDependentsFirstAndLeavesNoProcess()
    {
        using var graph = new TestGraph();
        // A shell with a background child: stopping the shell alone would orphan the child.
        var server = graph.Builder.AddExecutable("server", "sh", Path.GetTempPath(), "-c", "sleep 300 & wait");
        graph.Builder.AddExecutable("client", "sh", Path.GetTempPath(), "-c", "sleep 301 & sleep 302 & wait").WaitFor(server);
        var app = graph.Builder.Build();
        var stopped = new List<string>();
        foreach (var r in app.Resources)
        {
            r.StateChanged += x =>
            {
                if (x.State == ResourceState.Stopped)
                {
                    lock (stopped)
                    {
                        stopped.Add(x.Name);
                    }
                }
            };
        }
        await app.StartAsync(TestGraph.Timeout());
        await app.WaitForResourceHealthyAsync("client", TestGraph.Timeout());
        var pids = await WaitForTreeAsync(app, expected: 5);

        await app.StopAsync();

        Assert.Equal(["client", "server"], stopped);
        Assert.DoesNotContain(pids, ProcessTree.IsAlive);
        Assert.All(app.Resources, r => Assert.Empty(r.ProcessIds()));
    }

    [Fact]
    public async Task GetResource_WhenDashboardRuns_ServesPageAndJson()
    {
        using var graph = new TestGraph();
        graph.Builder.AddExecutable("sleeper", "sleep", Path.GetTempPath(), "300");
        await using var app = graph.Builder.Build();
        await app.StartAsync(TestGraph.Timeout());
        await app.WaitForResourceHealthyAsync("sleeper", TestGraph.Timeout());
        using var http = new HttpClient { BaseAddress = new Uri(app.DashboardUrl) };

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var one = await http.GetStringAsync(new Uri("/api/resources/sleeper", UriKind.Relative));
        using var missing = await http.GetAsync(new Uri("/api/resources/nosuch", UriKind.Relative));

        Assert.Contains("资源", page, StringComparison.Ordinal);
        Assert.Contains("Resources", page, StringComparison.Ordinal);
        Assert.Contains("/api/resources", page, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"sleeper\"", one, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"Running\"", one, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The shells start their children a moment after they themselves run.</summary>
    private static async Task<List<int>> WaitForTreeAsync(DistributedApplication app, int expected)
    {
        var timeout = TestGraph.Timeout();
        while (true)
        {
            var pids = app.Resources.SelectMany(r => r.ProcessIds()).ToList();
            if (pids.Count >= expected)
            {
                return pids;
            }
            await Task.Delay(50, timeout);
        }
    }
}
