using DonationRegistry.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DonationRegistry.Portal.E2E;

/// <summary>A service on real sockets like <see cref="KestrelServiceHost{TEntryPoint}"/>, with services replaced for the test
/// (the HSC collection procedure's clock).</summary>
public sealed class HscKestrelHost<TEntryPoint> : ServiceHost<TEntryPoint> where TEntryPoint : class
{
    public HscKestrelHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> configureServices)
        : base(settings, configureServices)
    {
        UseKestrel();
    }

    public void Start() => StartServer();
}
