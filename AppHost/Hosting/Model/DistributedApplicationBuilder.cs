using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace DonationRegistry.Hosting;

/// <summary>
/// Collects the resource graph and the settings it runs with. Settings come from <c>appsettings.json</c> next to the AppHost
/// assembly, then environment variables, then the command line (<c>--Ports:Dashboard=18999</c>, <c>--DataPath=/tmp/x</c>).
/// </summary>
/// <remarks>
/// Ports: <c>Ports:Dashboard</c>, <c>Ports:&lt;postgres&gt;</c>, <c>Ports:&lt;rabbitmq&gt;:amqp|dist|epmd</c>,
/// <c>Ports:&lt;project&gt;:http|grpc</c>; a port not configured is chosen free by the OS. Paths: <c>DataPath</c> (default
/// <c>.data</c> at the repository root), <c>AppHostDirectory</c> (project paths are relative to it), <c>Configuration</c>
/// (Debug/Release: which build of the services to run; defaults to the AppHost's own).
/// </remarks>
public sealed class DistributedApplicationBuilder
{
    /// <summary>Assembly metadata keys the AppHost project stamps into its assembly (see AppHost.csproj).</summary>
    public const string AppHostDirectoryMetadata = "DonationRegistry.AppHostDirectory";
    public const string RepositoryRootMetadata = "DonationRegistry.RepositoryRoot";
    public const string ConfigurationMetadata = "DonationRegistry.Configuration";

    private readonly List<Resource> _resources = [];
    private readonly HashSet<string> _dataFolders = [];
    private readonly HashSet<int> _freePortsGiven = [];

    internal DistributedApplicationBuilder(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        Configuration = configuration;

        var metadata = (Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>() ?? [])
            .Where(a => a.Value is not null)
            .GroupBy(a => a.Key)
            .ToDictionary(g => g.Key, g => g.First().Value!);
        AppHostDirectory = Path.GetFullPath(Configuration["AppHostDirectory"]
            ?? metadata.GetValueOrDefault(AppHostDirectoryMetadata)
            ?? Environment.CurrentDirectory);
        RepositoryRoot = Path.GetFullPath(Configuration["RepositoryRoot"]
            ?? metadata.GetValueOrDefault(RepositoryRootMetadata)
            ?? FindRepositoryRoot(AppHostDirectory));
        DataPath = Path.GetFullPath(Configuration["DataPath"] ?? Path.Combine(RepositoryRoot, ".data"), RepositoryRoot);
        BuildConfiguration = Configuration["Configuration"] ?? metadata.GetValueOrDefault(ConfigurationMetadata) ?? "Debug";
        DashboardPort = Port("Dashboard");
    }

    public IConfiguration Configuration { get; }

    /// <summary>Folder project paths are relative to (the AppHost project's folder).</summary>
    public string AppHostDirectory { get; }

    public string RepositoryRoot { get; }

    /// <summary>Where resources keep their data between runs (<c>.data/</c> at the repository root unless configured).</summary>
    public string DataPath { get; }

    /// <summary>Which build of the services runs (<c>bin/&lt;BuildConfiguration&gt;/</c>).</summary>
    public string BuildConfiguration { get; }

    public int DashboardPort { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>A private PostgreSQL cluster under <c>&lt;DataPath&gt;/postgres</c>, port <c>Ports:&lt;name&gt;</c>.</summary>
    /// <param name="name">Resource name.</param>
    /// <param name="durable">False turns fsync off: faster, for tests only.</param>
    /// <param name="dataFolder">Folder under <see cref="DataPath"/>; <c>postgres</c> unless given.</param>
    public IResourceBuilder<PostgresServerResource> AddPostgres(string name, bool durable = true, string dataFolder = "postgres") =>
        AddResource(new PostgresServerResource(name, DataFolder(dataFolder),
            new Endpoint("tcp", Port(name), "tcp", Setting(name)), durable));

    /// <summary>A private RabbitMQ node under <c>&lt;DataPath&gt;/rabbitmq</c>, ports <c>Ports:&lt;name&gt;:amqp|dist|epmd</c>.</summary>
    /// <param name="name">Resource name.</param>
    /// <param name="dataFolder">Folder under <see cref="DataPath"/>; <c>rabbitmq</c> unless given.</param>
    public IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(string name, string dataFolder = "rabbitmq") =>
        AddResource(new RabbitMQServerResource(name, DataFolder(dataFolder),
            new Endpoint("amqp", Port($"{name}:amqp"), "amqp", Setting($"{name}:amqp")),
            new Endpoint("dist", Port($"{name}:dist"), "tcp", Setting($"{name}:dist")),
            new Endpoint("epmd", Port($"{name}:epmd"), "tcp", Setting($"{name}:epmd"))));

    /// <summary>A service of this repository, run from its built assembly, ports <c>Ports:&lt;name&gt;:http|grpc</c>.</summary>
    /// <param name="name">Resource name (also <c>OTEL_SERVICE_NAME</c> and the service-discovery name).</param>
    /// <param name="projectPath">The .csproj, relative to <see cref="AppHostDirectory"/>.</param>
    /// <param name="grpc">False for a service without a gRPC endpoint (a web UI).</param>
    public IResourceBuilder<ProjectResource> AddProject(string name, string projectPath, bool grpc = true) =>
        AddResource(new ProjectResource(name, Path.GetFullPath(projectPath, AppHostDirectory), BuildConfiguration,
            new Endpoint("http", Port($"{name}:http"), "http", Setting($"{name}:http")),
            grpc ? new Endpoint("grpc", Port($"{name}:grpc"), "http", Setting($"{name}:grpc")) : null,
            Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]));

    /// <summary>Any program, healthy while it runs.</summary>
    public IResourceBuilder<ExecutableResource> AddExecutable(string name, string command, string workingDirectory,
        params string[] args) =>
        AddResource(new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, AppHostDirectory), args));

    internal IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A resource named '{resource.Name}' already exists.", nameof(resource));
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public DistributedApplication Build()
    {
        CheckForCycles();
        return new DistributedApplication(this, [.. _resources]);
    }

    private string DataFolder(string folder)
    {
        var path = Path.Combine(DataPath, folder);
        if (_dataFolders.Contains(path))
        {
            throw new ArgumentException($"Two resources would share the data folder {path}; pass dataFolder to tell them apart.", nameof(folder));
        }
        _dataFolders.Add(path);
        return path;
    }

    /// <summary>The configured port <c>Ports:&lt;key&gt;</c>, or a free one.</summary>
    private int Port(string key)
    {
        var value = Configuration[$"Ports:{key}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            // The OS may hand the same free port out twice (it is closed again at once): never give two endpoints one port.
            int free;
            do
            {
                free = Ports.Free();
            }
            while (!_freePortsGiven.Add(free));
            return free;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new HostingException($"{Setting(key)}: '{value}' is not a port number (1-65535).");
        }
        return port;
    }

    private static string Setting(string key) => $"--Ports:{key}=<port> (or environment variable Ports__{key.Replace(":", "__", StringComparison.Ordinal)})";

    private void CheckForCycles()
    {
        var done = new HashSet<Resource>();
        var path = new List<Resource>();
        foreach (var resource in _resources)
        {
            Visit(resource);
        }

        void Visit(Resource resource)
        {
            if (done.Contains(resource))
            {
                return;
            }
            if (path.Contains(resource))
            {
                throw new HostingException("The resource graph has a cycle: " +
                    string.Join(" -> ", path.Skip(path.IndexOf(resource)).Append(resource).Select(r => r.Name)));
            }
            if (!_resources.Contains(resource))
            {
                throw new HostingException($"{resource.Name} is used in the graph but was added to another builder.");
            }
            path.Add(resource);
            foreach (var dependency in resource.Dependencies)
            {
                Visit(dependency);
            }
            path.RemoveAt(path.Count - 1);
            done.Add(resource);
        }
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln")))
            {
                return dir.FullName;
            }
        }
        return start;
    }
}
