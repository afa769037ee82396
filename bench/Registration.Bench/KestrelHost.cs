using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DonationRegistry.Registration.Bench;

/// <summary>
/// A service of this repository started in the bench process on real Kestrel sockets (so clients go through the network stack
/// and HTTP/2 framing as they would against the deployed service), configured only by the settings given (empty content root).
/// </summary>
/// <typeparam name="TEntryPoint">Any public type of the service's assembly.</typeparam>
internal sealed class KestrelHost<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private static readonly string EmptyContentRoot = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "donationregistry-bench", "empty-content-root")).FullName;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public KestrelHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel();
    }

    public void Start() => StartServer();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(EmptyContentRoot);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
