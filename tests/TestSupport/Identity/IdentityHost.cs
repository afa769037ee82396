using DonationRegistry.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DonationRegistry.TestSupport.Identity;

/// <summary>
/// The Identity service on real Kestrel sockets (so other services' JwtBearer and OpenIddict validation can fetch discovery and
/// JWKS over plain HTTP). The content root is an empty folder, so only the settings given here apply.
/// </summary>
internal sealed class IdentityHost : WebApplicationFactory<IdentitySettings>
{
    private static readonly string EmptyContentRoot = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "donationregistry-tests", "identity-content-root")).FullName;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public IdentityHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel();
    }

    public void Start() => StartServer();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(EmptyContentRoot);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        // Tests create many users and tokens: a cheaper PBKDF2 (the hash records its own iteration count, so this stays valid).
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }
}
