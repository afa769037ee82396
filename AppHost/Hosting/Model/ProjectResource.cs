using System.Net;

namespace DonationRegistry.Hosting;

/// <summary>
/// A .NET service of this repository, run from its built assembly (<c>dotnet bin/&lt;Configuration&gt;/net10.0/DonationRegistry.&lt;Project&gt;.dll</c>)
/// in its project folder, in Development, with Kestrel endpoints <c>http</c> (HTTP/1.1) and <c>grpc</c> (h2c). Healthy when
/// <c>GET /health</c> on the http endpoint answers 200.
/// </summary>
public sealed class ProjectResource : ProcessResource
{
    public const string TargetFramework = "net10.0";
    public const string HealthPath = "/health";

    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Endpoint[] _endpoints;
    private readonly string? _otlpEndpoint;
    private readonly string? _otlpProtocol;

    internal ProjectResource(string name, string projectPath, string configuration, Endpoint http, Endpoint? grpc,
        string? otlpEndpoint, string? otlpProtocol) : base(name)
    {
        ProjectPath = Path.GetFullPath(projectPath);
        ProjectDirectory = Path.GetDirectoryName(ProjectPath)!;
        AssemblyName = "DonationRegistry." + Path.GetFileNameWithoutExtension(ProjectPath);
        AssemblyPath = Path.Combine(ProjectDirectory, "bin", configuration, TargetFramework, AssemblyName + ".dll");
        Http = http;
        Grpc = grpc;
        _endpoints = grpc is null ? [http] : [http, grpc];
        _otlpEndpoint = otlpEndpoint;
        _otlpProtocol = otlpProtocol;
    }

    public override string Type => "Project";

    public string ProjectPath { get; }

    public string ProjectDirectory { get; }

    public string AssemblyName { get; }

    public string AssemblyPath { get; }

    public Endpoint Http { get; }

    public Endpoint? Grpc { get; }

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public override string Command => "dotnet";

    public override IReadOnlyList<string> Arguments => [AssemblyPath];

    public override string WorkingDirectory => ProjectDirectory;

    protected internal override void CheckPrerequisites()
    {
        if (!File.Exists(ProjectPath))
        {
            throw new HostingException($"{Name}: project file {ProjectPath} does not exist.");
        }
        if (!File.Exists(AssemblyPath))
        {
            throw new HostingException(
                $"{Name}: {AssemblyPath} is not built. Build it first: dotnet build {ProjectPath} -c {Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(AssemblyPath)))} " +
                "(dotnet run --project AppHost builds every service the AppHost references).");
        }
    }

    protected override void AddDefaultEnvironment(IDictionary<string, string> environment)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_ENVIRONMENT"] = "Development";
        environment["OTEL_SERVICE_NAME"] = Name;
        if (!string.IsNullOrWhiteSpace(_otlpEndpoint))
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = _otlpEndpoint;
            if (!string.IsNullOrWhiteSpace(_otlpProtocol))
            {
                environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = _otlpProtocol;
            }
        }
        environment["Kestrel__Endpoints__http__Url"] = Http.Url;
        if (Grpc is not null)
        {
            environment["Kestrel__Endpoints__grpc__Url"] = Grpc.Url;
            environment["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        }
        // One line per log entry reads better behind the AppHost's name prefix.
        environment["Logging__Console__FormatterName"] = "simple";
        environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
    }

    protected internal override async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (MainProcess is not { HasExited: false })
        {
            return false;
        }
        try
        {
            using var response = await HealthClient.GetAsync(new Uri(Http.Url + HealthPath), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK && await AdditionalHealthCheckPassesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
