using DonationRegistry.Hosting;
using Xunit;

namespace DonationRegistry.AppHost.Tests;

/// <summary>What a project process gets: Aspire's environment contract, ports from settings, its built assembly.</summary>
public sealed class WiringTests
{
    private static readonly string[] FixedPorts =
    [
        "--Ports:postgres=54320", "--Ports:messaging:amqp=56720", "--Ports:messaging:dist=56721", "--Ports:messaging:epmd=56722",
        "--Ports:identity:http=7100", "--Ports:identity:grpc=7101", "--Ports:registration:http=7110", "--Ports:registration:grpc=7111",
        "--AppHostDirectory=/repo/AppHost", "--Configuration=Release",
    ];

    [Fact]
    public void Environment_WhenProjectReferencesDatabaseBrokerAndProject_HasAspireVariables()
    {
        using var graph = new TestGraph(FixedPorts);
        var postgres = graph.Builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("registrationdb");
        var messaging = graph.Builder.AddRabbitMQ("messaging");
        var identity = graph.Builder.AddProject("identity", "../services/Identity/Identity.csproj");
        var registration = graph.Builder.AddProject("registration", "../services/Registration/Registration.csproj")
            .WithReference(db).WithReference(messaging).WithReference(identity).WaitFor(identity)
            .WithEnvironment("Extra__Setting", "x");

        var env = registration.Resource.Environment();

        Assert.Equal("Host=127.0.0.1;Port=54320;Database=registrationdb;Username=postgres;Pooling=True", env["ConnectionStrings__registrationdb"]);
        Assert.Equal("amqp://guest:guest@127.0.0.1:56720/", env["ConnectionStrings__messaging"]);
        Assert.Equal("http://127.0.0.1:7100", env["services__identity__http__0"]);
        Assert.Equal("http://127.0.0.1:7101", env["services__identity__grpc__0"]);
        Assert.Equal("registration", env["OTEL_SERVICE_NAME"]);
        Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("http://127.0.0.1:7110", env["Kestrel__Endpoints__http__Url"]);
        Assert.Equal("http://127.0.0.1:7111", env["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("Http2", env["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.Equal("x", env["Extra__Setting"]);
        Assert.False(env.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.False(env.ContainsKey("ConnectionStrings__identity"));
    }

    [Fact]
    public void Environment_WhenOtlpEndpointConfigured_PassesIt()
    {
        using var graph = new TestGraph([.. FixedPorts, "--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"]);
        var identity = graph.Builder.AddProject("identity", "../services/Identity/Identity.csproj");

        var env = identity.Resource.Environment();

        Assert.Equal("http://127.0.0.1:4318", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    [Fact]
    public void WithEnvironment_WhenSameKeyAsReference_ExplicitValueWins()
    {
        using var graph = new TestGraph(FixedPorts);
        var messaging = graph.Builder.AddRabbitMQ("messaging");
        var identity = graph.Builder.AddProject("identity", "../services/Identity/Identity.csproj")
            .WithReference(messaging).WithEnvironment("ConnectionStrings__messaging", "amqp://elsewhere/");

        Assert.Equal("amqp://elsewhere/", identity.Resource.Environment()["ConnectionStrings__messaging"]);
    }

    [Fact]
    public void AddProject_WhenBuilt_RunsBuiltAssemblyInProjectFolder()
    {
        using var graph = new TestGraph(FixedPorts);

        var identity = graph.Builder.AddProject("identity", "../services/Identity/Identity.csproj").Resource;

        Assert.Equal("/repo/services/Identity/Identity.csproj", identity.ProjectPath);
        Assert.Equal("/repo/services/Identity", identity.WorkingDirectory);
        Assert.Equal("dotnet", identity.Command);
        Assert.Equal(["/repo/services/Identity/bin/Release/net10.0/DonationRegistry.Identity.dll"], identity.Arguments);
        Assert.Equal(["http", "grpc"], identity.Endpoints.Select(e => e.Name));
    }

    [Fact]
    public void AddResources_WhenPortsNotConfigured_UseDistinctFreePortsAndDataFolders()
    {
        using var graph = new TestGraph();

        var postgres = graph.Builder.AddPostgres("postgres").Resource;
        var messaging = graph.Builder.AddRabbitMQ("messaging").Resource;
        var web = graph.Builder.AddProject("portal", "../services/Portal/Portal.csproj", grpc: false).Resource;

        int[] ports = [postgres.Server.Port, messaging.Node.AmqpPort, messaging.Node.DistPort, messaging.Node.EpmdPort, web.Http.Port];
        Assert.Equal(ports.Length, ports.Distinct().Count());
        Assert.Null(web.Grpc);
        Assert.Equal(Path.Combine(graph.DataPath, "postgres"), postgres.Server.Directory);
        Assert.Equal(Path.Combine(graph.DataPath, "rabbitmq"), messaging.Node.Directory);
        Assert.Throws<ArgumentException>(() => graph.Builder.AddPostgres("postgres2"));
        Assert.Throws<ArgumentException>(() => graph.Builder.AddExecutable("POSTGRES", "true", "."));
    }
}
