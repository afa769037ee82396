using System.Net.Http.Headers;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.Hosting;
using DonationRegistry.Identity;
using DonationRegistry.Identity.Accounts;
using DonationRegistry.Identity.Domain;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DonationRegistry.TestSupport.Identity;

/// <summary>
/// The Identity service running in the test process on real Kestrel ports on 127.0.0.1 (HTTP/1.1 for OIDC and the login page, h2c
/// for gRPC), with a fresh database on the shared test PostgreSQL, its own temporary keys folder, the demo users and the service
/// clients. The one way tests get tokens.
/// <code>
/// public sealed class VolunteerTests(IdentityServer identity) : IClassFixture&lt;IdentityServer&gt; { … }
/// // or once per assembly: [CollectionDefinition("identity")] public sealed class IdentityCollection : ICollectionFixture&lt;IdentityServer&gt;;
/// var host = new ServiceHost&lt;Marker&gt;(new Dictionary&lt;string, string?&gt; { ["Identity:Authority"] = identity.Authority, … });
/// var token = await identity.TokenForAsync(Roles.RegistrationClerk, "RP-330100-0001", "330100", "registration_point", Scopes.Registration);
/// </code>
/// The ports are picked before the start (not bound as port 0) because the issuer must be one fixed URL: tokens are requested on
/// the HTTP port and the admin API validates them on the gRPC port.
/// </summary>
public sealed class IdentityServer : IAsyncLifetime
{
    /// <summary>Public client allowed the password grant (tests and tools).</summary>
    public const string ToolsClientId = "tools";

    /// <summary>Password of every demo user (<c>clerk</c>, <c>officer.hz</c>, <c>officer.zj</c>, <c>admin</c>, …).</summary>
    public const string DemoPassword = "Demo#2026";

    /// <summary>Redirect URI registered for the <c>portal</c> client in tests.</summary>
    public const string PortalRedirectUri = "http://127.0.0.1/portal/signin-oidc";

    private readonly FreshDatabase _database = new();
    private readonly HttpClient _http = new();
    private readonly IReadOnlyDictionary<string, string?> _overrides;
    private IdentityHost? _host;

    /// <summary>The standard server: demo users seeded, every service client registered with <see cref="ClientSecrets"/>.</summary>
    public IdentityServer()
        : this(new Dictionary<string, string?>())
    {
    }

    // xunit needs a fixture to have a single public constructor.
    private IdentityServer(IReadOnlyDictionary<string, string?> overrides)
    {
        _overrides = overrides;
    }

    /// <summary>
    /// A server with some settings changed, e.g. <c>["Identity:SeedDemoData"] = "false"</c> (applied last); the caller calls
    /// <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/>.
    /// </summary>
    public static IdentityServer WithSettings(IReadOnlyDictionary<string, string?> overrides) => new(overrides);

    /// <summary>The confidential service clients and the secrets they have here.</summary>
    public static IReadOnlyDictionary<string, string> ClientSecrets { get; } =
        IdentitySettings.DefaultServiceClients.Keys.ToDictionary(c => c, c => $"test-{c}-secret");

    /// <summary>The issuer and base URL, e.g. <c>http://127.0.0.1:41234/</c> (with the trailing slash).</summary>
    public string Authority { get; private set; } = "";

    /// <summary>The gRPC (h2c) endpoint of the UserAdmin API.</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>The folder holding this server's signing and encryption keys.</summary>
    public string KeysPath { get; } = Path.Combine(Path.GetTempPath(), "donationregistry-tests", "identity-keys-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The running service's container (e.g. to reach <see cref="UserDirectory"/> in a scope).</summary>
    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The Identity server is not running.")).Services;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(KeysPath, recursive: true);
        }
        catch (IOException)
        {
            // Under the temp folder; harmless if left.
        }
    }

    /// <summary>Stops the service and starts it again on the same database and keys folder (new ports).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>An access token for a user, by the password grant through the <c>tools</c> client.</summary>
    public async Task<string> TokenAsync(string userName, string password, params string[] scopes) =>
        await AccessTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = ToolsClientId,
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = string.Join(' ', scopes),
        });

    /// <summary>
    /// Creates a new user with this role and organisation (role one of <see cref="Roles.People"/>, region a GB/T 2260 code) and
    /// returns an access token for it with <paramref name="scopes"/>.
    /// </summary>
    public async Task<string> TokenForAsync(string role, string orgId, string region, string orgType, params string[] scopes)
    {
        var user = await CreateUserAsync(role, orgId, region, orgType);
        return await TokenAsync(user.UserName, user.Password, scopes);
    }

    /// <summary>Creates a user directly in the directory; returns its id, user name and password.</summary>
    public async Task<CreatedUser> CreateUserAsync(string role, string orgId, string region, string orgType, string? displayName = null)
    {
        var userName = "t-" + Guid.NewGuid().ToString("N");
        var password = "Pw-" + Guid.NewGuid().ToString("N");
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        var user = await users.CreateAsync(new UserProfile(userName, displayName ?? $"Test {role}", role, orgType, orgId, region),
            password, null, CancellationToken.None);
        return new CreatedUser(user.Id, userName, password);
    }

    /// <summary>Disables a user directly in the directory (it can no longer sign in or get tokens).</summary>
    public async Task DisableUserAsync(Guid userId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserDirectory>().DisableAsync(userId, null, CancellationToken.None);
    }

    /// <summary>An access token for a service client (client credentials); see <see cref="ClientSecrets"/>.</summary>
    public async Task<string> ClientTokenAsync(string clientId, string secret, params string[] scopes) =>
        await AccessTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = string.Join(' ', scopes),
        });

    /// <summary>Posts a raw token request and returns the response as it is (for tests of refusals).</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(IReadOnlyDictionary<string, string> form) =>
        _http.PostAsync(new Uri(new Uri(Authority), "connect/token"), new FormUrlEncodedContent(form));

    /// <summary>A gRPC channel to the UserAdmin API; <paramref name="accessToken"/> null calls anonymously.</summary>
    public GrpcChannel Channel(string? accessToken = null)
    {
        var http = new HttpClient();
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpClient = http, DisposeHttpClient = true });
    }

    private async Task<string> AccessTokenAsync(Dictionary<string, string> form)
    {
        using var response = await RequestTokenAsync(form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request ({form["grant_type"]}) refused: {(int)response.StatusCode} {body}");
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task StartAsync()
    {
        // The ports are chosen before the start (the issuer must be known up front); another process may take one meanwhile.
        for (var attempt = 1; ; attempt++)
        {
            var httpPort = Ports.Free();
            var grpcPort = Ports.Free();
            var host = new IdentityHost(Settings(httpPort, grpcPort));
            try
            {
                await Task.Run(host.Start);
            }
            catch (Exception ex) when (attempt < 5 && IsAddressInUse(ex))
            {
                await host.DisposeAsync();
                continue;
            }
            _host = host;
            Authority = $"http://127.0.0.1:{httpPort}/";
            GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
            return;
        }
    }

    private Dictionary<string, string?> Settings(int httpPort, int grpcPort)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = _database.ConnectionString,
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["Identity:KeysPath"] = KeysPath,
            ["Identity:SeedDemoData"] = "true",
            ["Identity:DemoPassword"] = DemoPassword,
            ["Identity:Portal:RedirectUris:0"] = PortalRedirectUri,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (clientId, secret) in ClientSecrets)
        {
            settings[$"Identity:Clients:{clientId}:Secret"] = secret;
        }
        foreach (var (key, value) in _overrides)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static bool IsAddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is IOException && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
    }
}
