using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.Hosting;
using DonationRegistry.TestSupport.Identity;
using Microsoft.Playwright;
using Xunit;

namespace DonationRegistry.Portal.E2E;

/// <summary>The xunit collection of every browser test: <c>[Collection(AppHostSystem.Collection)]</c> (one system start per run).</summary>
[CollectionDefinition(AppHostSystem.Collection)]
public sealed class AppHostCollection : ICollectionFixture<AppHostSystem>;

/// <summary>
/// The whole system as <c>./start.sh</c> runs it, started by the AppHost's resource code — the one graph of
/// <see cref="DonationRegistrySystem.Add"/> that AppHost/Program.cs declares — under a temporary data folder on free ports: a private
/// PostgreSQL cluster (without fsync, thrown away) and RabbitMQ node, and every service, Portal included, as a process of its own from
/// its build output, in Development with the demo data. Added for a test run only: Identity redirects the Portal's sign-in to the
/// Portal's free port, and HSC knows Ningbo's fee standards for this year and the next. One headless Chromium drives the Portal;
/// set-up a person cannot do in the browser goes through the services' JSON APIs with real tokens of the demo users.
/// </summary>
public sealed class AppHostSystem : IAsyncLifetime
{
    public const string Collection = "apphost";

    /// <summary>Debian's browser (scripts/prerequisites.sh installs it); Playwright drives it without a download of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long the system may take to start (PostgreSQL, RabbitMQ and six services; HSC loads its IMGT/HLA release).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private readonly int _portalPort = Ports.Free();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private DistributedApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The six service processes, in the order the AppHost lists them.</summary>
    public static readonly string[] Services = [.. DonationRegistrySystem.Services, "portal"];

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "donationregistry-portal-apphost",
        $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);

    /// <summary>The Portal's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri PortalAddress => new($"http://127.0.0.1:{_portalPort}/");

    public IBrowser Browser { get; private set; } = null!;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system is not started.");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var builder = DistributedApplication.CreateBuilder(
        [
            $"--DataPath={DataPath}", $"--RepositoryRoot={root}", $"--AppHostDirectory={Path.Combine(root, "AppHost")}",
            $"--Configuration={BuildConfiguration}", "--ConsoleOutput=false", "--HealthIntervalSeconds=1",
            $"--Ports:portal:http={_portalPort}",
        ]);
        var system = DonationRegistrySystem.Add(builder, new SystemOptions(Durable: false, SeedDemoData: true, WithPortal: true));
        // services/Identity/appsettings.json names the Portal's usual port 7150; this run's Portal is on a free one.
        system.Identity
            .WithEnvironment("Identity__Portal__RedirectUris__0", new Uri(PortalAddress, "signin-oidc").ToString())
            .WithEnvironment("Identity__Portal__PostLogoutRedirectUris__0", new Uri(PortalAddress, "signout-callback-oidc").ToString());
        // The HSC journey's case is Ningbo's; services/Hsc/appsettings.json has its fee standards for 2026 only (the Shanghai year
        // may be one ahead of UTC's).
        foreach (var year in new[] { DateTime.UtcNow.Year, DateTime.UtcNow.Year + 1 })
        {
            foreach (var (category, fen) in new[] { ("MedicalExam", 150000), ("HospitalStay", 40000), ("Drugs", 600000), ("Collection", 800000),
                         ("Transport", 200000), ("DonorSubsidy", 300000), ("CompanionCosts", 100000) })
            {
                system.Hsc.WithEnvironment($"Collection__Cities__330200__FeeStandards__{year}__{category}", fen.ToString(CultureInfo.InvariantCulture));
            }
        }
        _app = builder.Build();
        // RabbitMQ's own start limit (90 s) is too short on a loaded machine; the whole start has StartTimeout.
        ((RabbitMQServerResource)_app.GetResource("messaging")).Node.StartTimeout = StartTimeout;
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
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _http.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A server still releasing files; the temp folder is cleaned by the OS eventually.
        }
    }

    /// <summary>A service's HTTP/1.1 endpoint (JSON transcoding), e.g. <c>Http("hsc")</c>, for set-up outside the browser.</summary>
    public Uri Http(string service) => App.GetEndpoint(service);

    /// <summary>A service's own database, for set-up no rpc offers (a family arrives only by a referral event).</summary>
    public string ConnectionString(string database) => App.GetConnectionString(database);

    /// <summary>An access token of a user (password grant of the public <c>tools</c> client, as scripts get one).</summary>
    public async Task<string> TokenAsync(string userName, string scope, string password = IdentityServer.DemoPassword)
    {
        using var response = await _http.PostAsync(new Uri(Http("identity"), "connect/token"), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["client_id"] = "tools", ["username"] = userName, ["password"] = password, ["scope"] = scope,
            }));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"No token for {userName}: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A client of <paramref name="service"/>'s JSON API with <paramref name="userName"/>'s token for <paramref name="scope"/>.</summary>
    public async Task<HttpClient> ClientAsync(string service, string userName, string scope)
    {
        var http = new HttpClient { BaseAddress = Http(service), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, scope));
        return http;
    }

    /// <summary>A new user made through Identity's admin rpc (UserAdmin.CreateUser as the demo administrator); its id, name and password.</summary>
    public async Task<CreatedUser> CreateUserAsync(string role, string orgId, string region, string orgType, string displayName)
    {
        var userName = "e2e-" + Guid.NewGuid().ToString("N")[..12];
        var password = "Pw-" + Guid.NewGuid().ToString("N");
        using var admin = await ClientAsync("identity", "admin", Scopes.Identity);
        using var response = await admin.PostAsJsonAsync("v1/users", new
        {
            user = new { userName, displayName, role, orgType, orgId, region }, password,
        });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"CreateUser failed: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        return new CreatedUser(Guid.Parse(json.RootElement.GetProperty("name").GetString()!["users/".Length..]), userName, password);
    }

    /// <summary>The Identity user id of a user (the "sub" of its access token: tokens are signed, not encrypted).</summary>
    public async Task<string> UserIdAsync(string userName, string scope)
    {
        var jwt = await TokenAsync(userName, scope);
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.GetProperty("sub").GetString()!;
    }

    /// <summary>A fresh browser context (no cookies) in <paramref name="locale"/>, 1280×800, on the Portal.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = PortalAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        // Generous: the whole system shares two cores with the test and the browser (not a speed check).
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
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
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Where <see cref="ScreenshotAsync"/> writes: <c>PORTAL_SCREENSHOTS</c> if set (docs/portal.md: the command that refreshes
    /// docs/screenshots/), else artifacts/screenshots/ (not committed).</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder
            ? Path.GetFullPath(folder, RepositoryRoot())
            : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Saves a screenshot of the page as the person sees it (the viewport) for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Let the circuit's last render and web fonts settle, so the picture shows the page, not a spinner.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    /// <summary>The build configuration of these tests (bin/&lt;configuration&gt;/net10.0): the services they start were built in the same.</summary>
    public static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

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

    /// <summary>
    /// Registration seeds its demo data in the background after it is healthy; the tests start once the demo clerk's point is
    /// there (asked as the clerk over the JSON API).
    /// </summary>
    private async Task WaitForClerkPointAsync(CancellationToken cancellationToken)
    {
        var last = "";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var clerk = await ClientAsync("registration", "clerk", Scopes.Registration);
                using var response = await clerk.GetAsync("v1/registrationPoints", cancellationToken);
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
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException
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
}
