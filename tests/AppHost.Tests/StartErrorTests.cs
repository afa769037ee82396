using System.Net;
using System.Net.Sockets;
using DonationRegistry.Hosting;
using Xunit;

namespace DonationRegistry.AppHost.Tests;

/// <summary>Start fails fast, before anything runs, with a message that says what to change.</summary>
public sealed class StartErrorTests
{
    [Fact]
    public async Task StartAsync_WhenPostgresPortTaken_ThrowsNamingPortAndSettingAndStartsNothing()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var graph = new TestGraph($"--Ports:postgres={port}");
        graph.Builder.AddPostgres("postgres", durable: false).AddDatabase("db");
        graph.Builder.AddExecutable("sleeper", "sleep", Path.GetTempPath(), "300");
        await using var app = graph.Builder.Build();

        var error = await Assert.ThrowsAsync<HostingException>(() => app.StartAsync(TestGraph.Timeout()));

        Assert.Contains($"port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres", error.Message, StringComparison.Ordinal);
        Assert.Contains("--Ports:postgres=", error.Message, StringComparison.Ordinal);
        Assert.All(app.Resources, r => Assert.Equal(ResourceState.Waiting, r.State));
        Assert.All(app.Resources, r => Assert.Null(r.MainProcess));
        Assert.True(Ports.IsFree(graph.DashboardPort), "the dashboard is not started either");
    }

    [Fact]
    public async Task StartAsync_WhenDashboardPortTaken_ThrowsNamingDashboardSetting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var graph = new TestGraph($"--Ports:Dashboard={port}");
        graph.Builder.AddExecutable("sleeper", "sleep", Path.GetTempPath(), "300");
        await using var app = graph.Builder.Build();

        var error = await Assert.ThrowsAsync<HostingException>(() => app.StartAsync(TestGraph.Timeout()));

        Assert.Contains($"port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--Ports:Dashboard=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenTwoResourcesConfiguredOnOnePort_ThrowsNamingBoth()
    {
        var port = Ports.Free();
        using var graph = new TestGraph($"--Ports:a:http={port}", $"--Ports:b:grpc={port}");
        graph.Builder.AddProject("a", Path.Combine(graph.DataPath, "A.csproj"));
        graph.Builder.AddProject("b", Path.Combine(graph.DataPath, "B.csproj"));
        await using var app = graph.Builder.Build();

        var error = await Assert.ThrowsAsync<HostingException>(() => app.StartAsync(TestGraph.Timeout()));

        Assert.Contains("b (grpc): port " + port + " is also configured for a (http)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenProjectNotBuilt_ThrowsNamingAssemblyAndBuildCommand()
    {
        using var graph = new TestGraph("--Configuration=Release");
        var folder = Path.Combine(graph.DataPath, "Svc");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Svc.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        graph.Builder.AddProject("svc", Path.Combine(folder, "Svc.csproj"));
        await using var app = graph.Builder.Build();

        var error = await Assert.ThrowsAsync<HostingException>(() => app.StartAsync(TestGraph.Timeout()));

        Assert.Contains(Path.Combine(folder, "bin", "Release", "net10.0", "DonationRegistry.Svc.dll"), error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenGraphHasCycle_ThrowsNamingTheCycle()
    {
        using var graph = new TestGraph();
        var a = graph.Builder.AddExecutable("a", "true", Path.GetTempPath());
        var b = graph.Builder.AddExecutable("b", "true", Path.GetTempPath()).WaitFor(a);
        a.WaitFor(b);

        var error = Assert.Throws<HostingException>(() => graph.Builder.Build());

        Assert.Contains("a -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPostgres_WhenPortSettingIsNotANumber_ThrowsNamingSetting()
    {
        using var graph = new TestGraph("--Ports:postgres=abc");

        var error = Assert.Throws<HostingException>(() => graph.Builder.AddPostgres("postgres"));

        Assert.Contains("--Ports:postgres=", error.Message, StringComparison.Ordinal);
        Assert.Contains("'abc'", error.Message, StringComparison.Ordinal);
    }
}
