using DonationRegistry.TestSupport;

namespace DonationRegistry.Portal.E2E;

/// <summary>A <see cref="ServiceHost{TEntryPoint}"/> on real sockets (the Kestrel endpoints in the settings), so the Portal, another
/// process, can call it.</summary>
public sealed class KestrelServiceHost<TEntryPoint> : ServiceHost<TEntryPoint> where TEntryPoint : class
{
    public KestrelServiceHost(IReadOnlyDictionary<string, string?> settings)
        : base(settings)
    {
        UseKestrel();
    }

    public void Start() => StartServer();
}
