extern alias familycare;
extern alias registration;

using System.Security.Cryptography;
using DonationRegistry.Hosting;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Xunit;
using FamilyCareDbContext = familycare::DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.Portal.E2E;

/// <summary>The xunit collection of every browser test: <c>[Collection(PortalSystem.Collection)]</c>.</summary>
[CollectionDefinition(PortalSystem.Collection)]
public sealed class PortalCollection : ICollectionFixture<PortalSystem>;

/// <summary>
/// The system a person uses through the Portal: Identity (demo users, the <c>portal</c> client redirecting to this Portal) and
/// Registration (demo points and volunteers) in-process on real Kestrel ports, on the shared test PostgreSQL and RabbitMQ; the Portal
/// built with the tests and started as a child process in Development, as the AppHost starts it; one headless Chromium.
/// </summary>
public sealed class PortalSystem : IAsyncLifetime
{
    public const string Collection = "portal";

    /// <summary>Debian's browser (scripts/prerequisites.sh installs it); Playwright drives it without a download of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly FreshDatabase _registrationDb = new();
    private readonly FreshDatabase _familyCareDb = new();
    private readonly int _portalPort = Ports.Free();
    private KestrelServiceHost<RegistrationDbContext>? _registration;
    private KestrelServiceHost<FamilyCareDbContext>? _familyCare;
    private ChildProcess? _portal;
    private readonly HscService _hsc = new();
    private readonly OrganService _organ = new();
    private IPlaywright? _playwright;

    public PortalSystem()
    {
        Identity = IdentityServer.WithSettings(new Dictionary<string, string?>
        {
            ["Identity:Portal:RedirectUris:0"] = $"http://127.0.0.1:{_portalPort}/signin-oidc",
            ["Identity:Portal:PostLogoutRedirectUris:0"] = $"http://127.0.0.1:{_portalPort}/signout-callback-oidc",
        });
    }

    public IdentityServer Identity { get; }

    /// <summary>The Portal's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri PortalAddress => new($"http://127.0.0.1:{_portalPort}/");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The Registration service's HTTP/1.1 endpoint (JSON transcoding), for test set-up outside the browser.</summary>
    public Uri RegistrationHttp { get; private set; } = null!;

    /// <summary>The FamilyCare service's HTTP/1.1 endpoint (JSON transcoding), for test set-up outside the browser.</summary>
    public Uri FamilyCareHttp { get; private set; } = null!;

    /// <summary>The FamilyCare service in-process (its database for set-up a person cannot do, e.g. a referral).</summary>
    public KestrelServiceHost<FamilyCareDbContext> FamilyCare => _familyCare ?? throw new InvalidOperationException("Not started.");

    /// <summary>The HSC service in-process (demo donors; the collection procedure on its own clock the journeys move).</summary>
    public HscService Hsc => _hsc;

    /// <summary>The OrganCoordination service in-process (no demo data; its completion events reach FamilyCare).</summary>
    public OrganService Organ => _organ;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Identity.InitializeAsync(), _registrationDb.InitializeAsync(), _familyCareDb.InitializeAsync());
        var broker = (await TestInfrastructure.RabbitMqAsync()).ConnectionString;
        // Started first: its search index loads while the other services start.
        await _hsc.StartAsync(Identity.Authority, broker);
        var (httpPort, grpcPort) = (Ports.Free(), Ports.Free());
        _registration = new KestrelServiceHost<RegistrationDbContext>(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["ConnectionStrings:registrationdb"] = _registrationDb.ConnectionString,
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:ServiceName"] = "registration-" + Guid.NewGuid().ToString("N")[..8],
            ["Identity:Authority"] = Identity.Authority,
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Registration:SeedDemoData"] = "true",
            ["Registration:CertificateChecksPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _registration.Start();
        RegistrationHttp = new Uri($"http://127.0.0.1:{httpPort}/");
        await WaitForAsync(new Uri($"http://127.0.0.1:{httpPort}/health"), "Registration", () => "");

        var (careHttpPort, careGrpcPort) = (Ports.Free(), Ports.Free());
        _familyCare = new KestrelServiceHost<FamilyCareDbContext>(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{careHttpPort}",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{careGrpcPort}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["ConnectionStrings:familycaredb"] = _familyCareDb.ConnectionString,
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:ServiceName"] = "familycare-" + Guid.NewGuid().ToString("N")[..8],
            ["Identity:Authority"] = Identity.Authority,
            // The journeys make their own families; the demo data would make every count depend on the seed.
            ["FamilyCare:SeedDemoData"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _familyCare.Start();
        FamilyCareHttp = new Uri($"http://127.0.0.1:{careHttpPort}/");
        await WaitForAsync(new Uri($"http://127.0.0.1:{careHttpPort}/health"), "FamilyCare", () => "");
        await _organ.StartAsync(Identity, broker, $"http://127.0.0.1:{grpcPort}");

        await _hsc.WaitUntilReadyAsync();
        _portal = ChildProcess.Start("dotnet", [PortalAssembly()], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__http__Url"] = PortalAddress.ToString().TrimEnd('/'),
            ["Identity__Authority"] = Identity.Authority,
            ["services__identity__http__0"] = Identity.Authority.TrimEnd('/'),
            ["services__registration__http__0"] = $"http://127.0.0.1:{httpPort}",
            ["services__registration__grpc__0"] = $"http://127.0.0.1:{grpcPort}",
            ["services__familycare__http__0"] = $"http://127.0.0.1:{careHttpPort}",
            ["services__familycare__grpc__0"] = $"http://127.0.0.1:{careGrpcPort}",
            ["services__hsc__http__0"] = _hsc.HttpAddress,
            ["services__hsc__grpc__0"] = _hsc.GrpcAddress,
            ["services__organcoordination__http__0"] = _organ.HttpAddress,
            ["services__organcoordination__grpc__0"] = _organ.GrpcAddress,
            ["services__identity__grpc__0"] = Identity.GrpcAddress.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
        }, workingDirectory: Path.GetDirectoryName(PortalAssembly()));
        await WaitForAsync(new Uri(PortalAddress, "alive"), "Portal", () => string.Join('\n', _portal.RecentLines()));

        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
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
        if (_portal is not null)
        {
            await _portal.StopAsync(ChildProcess.SigTerm, TimeSpan.FromSeconds(5));
            await _portal.DisposeAsync();
        }
        if (_registration is not null)
        {
            await _registration.DisposeAsync();
        }
        if (_familyCare is not null)
        {
            await _familyCare.DisposeAsync();
        }
        await _hsc.DisposeAsync();
        await _organ.DisposeAsync();
        await Identity.DisposeAsync();
        await _registrationDb.DisposeAsync();
        await _familyCareDb.DisposeAsync();
    }

    /// <summary>Where <see cref="ScreenshotAsync"/> writes: <c>PORTAL_SCREENSHOTS</c> if set (docs/portal.md: the command that refreshes
    /// docs/screenshots/), else artifacts/screenshots/ (not committed).</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder
            ? Path.GetFullPath(folder, RepositoryRoot())
            : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Saves a screenshot of the page as the person sees it (the 1280×800 viewport) for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Let the circuit's last render and web fonts settle, so the picture shows the page, not a spinner.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    /// <summary>A fresh browser context on a 390×844 phone screen (touch, mobile viewport), optionally with another context's
    /// cookies (<see cref="IBrowserContext.StorageStateAsync"/>: the same person signed in).</summary>
    public async Task<IPage> NewPhonePageAsync(string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = PortalAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>The Portal's log so far (for failure messages).</summary>
    public string PortalLog() => _portal is null ? "" : string.Join('\n', _portal.RecentLines());

    /// <summary>A fresh browser context (no cookies) in <paramref name="locale"/>, 1280×800.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = PortalAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        // Generous: CI machines are shared and a Blazor circuit under load can take seconds to answer (not a speed check).
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>The build configuration of these tests (bin/&lt;configuration&gt;/net10.0): the services they start were built in the same.</summary>
    public static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    // The Portal built beside the tests: services/Portal/bin/<configuration>/net10.0/DonationRegistry.Portal.dll.
    private static string PortalAssembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        return Path.Combine(RepositoryRoot(), "services", "Portal", "bin", BuildConfiguration, framework, "DonationRegistry.Portal.dll");
    }

    /// <summary>The checkout's root folder (where DonationRegistry.sln is).</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DonationRegistry.sln")))
        {
            root = root.Parent;
        }
        return root?.FullName ?? throw new InvalidOperationException("DonationRegistry.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task WaitForAsync(Uri address, string what, Func<string> log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(address);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow start
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{what} did not become ready at {address}.\n{log()}");
            }
            await Task.Delay(250);
        }
    }
}
