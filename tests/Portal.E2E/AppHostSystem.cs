using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.Hosting;
using DonationRegistry.TestSupport.Identity;
using Microsoft.Playwright;
using Xunit;

namespace DonationRegistry.Portal.E2E;

/// <summary>The xunit collection of the journeys on the system the AppHost's resource code starts: <c>[Collection(AppHostSystem.Collection)]</c>.</summary>
[CollectionDefinition(AppHostSystem.Collection)]
public sealed class AppHostCollection : ICollectionFixture<AppHostSystem>;

/// <summary>
/// The whole system as <c>./start.sh</c> runs it, started by the AppHost's resource code (AppHost/Hosting) under a temporary data
/// folder on free ports: a private PostgreSQL cluster and RabbitMQ node, and every service — Portal included — as a process of its
/// own from its build output, in Development with the demo data. The graph is AppHost/Program.cs's (see <see cref="Add"/>), plus what
/// a test run needs: Identity redirects the Portal's sign-in to the Portal's free port. One headless Chromium drives the Portal.
/// </summary>
public sealed class AppHostSystem : IAsyncLifetime
{
    public const string Collection = "apphost";

    /// <summary>How long the system may take to start (PostgreSQL, RabbitMQ and six services; HSC loads its IMGT/HLA release).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private readonly int _portalPort = Ports.Free();
    private DistributedApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The six service processes, in the order the AppHost lists them.</summary>
    public static readonly string[] Services = ["identity", "registration", "hsc", "organcoordination", "familycare", "portal"];

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "donationregistry-portal-apphost",
        $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);

    public Uri PortalAddress => new($"http://127.0.0.1:{_portalPort}/");

    public IBrowser Browser { get; private set; } = null!;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system is not started.");

    public async Task InitializeAsync()
    {
        var root = PortalSystem.RepositoryRoot();
        var builder = DistributedApplication.CreateBuilder(
        [
            $"--DataPath={DataPath}", $"--RepositoryRoot={root}", $"--AppHostDirectory={Path.Combine(root, "AppHost")}",
            $"--Configuration={PortalSystem.BuildConfiguration}", "--ConsoleOutput=false", "--HealthIntervalSeconds=1",
            $"--Ports:portal:http={_portalPort}",
        ]);
        Add(builder, PortalAddress);
        _app = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        try
        {
            await Task.WhenAll(Services.Select(s => _app.WaitForResourceHealthyAsync(s, timeout.Token)));
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException("The system did not become healthy in time: " +
                string.Join("; ", _app.Resources.Select(r => $"{r} {string.Join(" | ", r.RecentLines().TakeLast(3))}")));
        }
        await WaitForClerkPointAsync(timeout.Token);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = PortalSystem.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A server still releasing files; the temp folder is cleaned by the OS eventually.
        }
    }

    /// <summary>
    /// Registration seeds its demo data in the background after it is healthy; the journey starts once the demo clerk's point is
    /// there (asked as the clerk over the JSON API, with a token of the public <c>tools</c> client as scripts get one).
    /// </summary>
    private async Task WaitForClerkPointAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var last = "";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var tokenResponse = await http.PostAsync(new Uri(App.GetEndpoint("identity"), "/connect/token"), new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["grant_type"] = "password", ["client_id"] = "tools", ["username"] = "clerk",
                        ["password"] = IdentityServer.DemoPassword, ["scope"] = Scopes.Registration,
                    }), cancellationToken);
                var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(App.GetEndpoint("registration"), "/v1/registrationPoints"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, cancellationToken);
                last = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    using var json = JsonDocument.Parse(last);
                    if (json.RootElement.TryGetProperty("points", out var points) && points.GetArrayLength() > 0)
                    {
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or KeyNotFoundException or JsonException
                                       && !cancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }
            try
            {
                await Task.Delay(1000, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException("The demo clerk's registration point was not seeded in time: " + last);
            }
        }
    }

    /// <summary>A fresh browser context (no cookies) in zh-CN at 1280×800 on the Portal.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = PortalAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        // Generous: the whole system shares two cores with the test and the browser (not a speed check).
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// AppHost/Program.cs's graph: the same resources, references and settings, the PostgreSQL cluster without fsync (thrown away),
    /// and Identity told the Portal's address (<c>Identity:Portal:RedirectUris</c>; services/Identity/appsettings.json names 7150).
    /// </summary>
    private static void Add(DistributedApplicationBuilder builder, Uri portal)
    {
        var postgres = builder.AddPostgres("postgres", durable: false);
        var identityDb = postgres.AddDatabase("identitydb");
        var registrationDb = postgres.AddDatabase("registrationdb");
        var hscDb = postgres.AddDatabase("hscdb");
        var organDb = postgres.AddDatabase("organdb");
        var familyCareDb = postgres.AddDatabase("familycaredb");
        var messaging = builder.AddRabbitMQ("messaging");

        var identity = builder.AddProject("identity", "../services/Identity/Identity.csproj")
            .WithReference(identityDb).WaitFor(identityDb)
            .WithEnvironment("Identity__KeysPath", Path.Combine(builder.DataPath, "identity", "keys"))
            .WithEnvironment("Identity__Portal__RedirectUris__0", new Uri(portal, "signin-oidc").ToString())
            .WithEnvironment("Identity__Portal__PostLogoutRedirectUris__0", new Uri(portal, "signout-callback-oidc").ToString());

        var registration = builder.AddProject("registration", "../services/Registration/Registration.csproj")
            .WithReference(registrationDb).WaitFor(registrationDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithEnvironment("PersonalData__EncryptionKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "registration-id-encryption-key"))
            .WithEnvironment("PersonalData__HashKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "registration-id-hash-key"))
            .WithEnvironment("Registration__SeedDemoData", "true");

        var hsc = builder.AddProject("hsc", "../services/Hsc/Hsc.csproj")
            .WithReference(hscDb).WaitFor(hscDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithEnvironment("Hla__ImgtFolder", Path.GetFullPath(Path.Combine(builder.RepositoryRoot, "..", "shared", "data", "imgt", "3.58.0")))
            .WithEnvironment("Hsc__SeedDemoData", "true");

        var organCoordination = builder.AddProject("organcoordination", "../services/OrganCoordination/OrganCoordination.csproj")
            .WithReference(organDb).WaitFor(organDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithReference(registration).WaitFor(registration)
            .WithEnvironment("PersonalData__EncryptionKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "organcoordination-id-encryption-key"))
            .WithEnvironment("PersonalData__HashKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "organcoordination-id-hash-key"))
            .WithEnvironment("OrganCoordination__SeedDemoData", "true");

        var familyCare = builder.AddProject("familycare", "../services/FamilyCare/FamilyCare.csproj")
            .WithReference(familyCareDb).WaitFor(familyCareDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity);

        builder.AddProject("portal", "../services/Portal/Portal.csproj", grpc: false)
            .WithReference(identity).WaitFor(identity)
            .WithReference(registration).WaitFor(registration)
            .WithReference(familyCare).WithReference(organCoordination).WithReference(hsc);
    }
}
