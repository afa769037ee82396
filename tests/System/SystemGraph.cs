using DonationRegistry.Hosting;

namespace DonationRegistry.SystemTests;

/// <summary>
/// The system as the AppHost runs it — the one graph of <see cref="DonationRegistrySystem"/> (AppHost/Hosting), shared with
/// AppHost/Program.cs — on a throw-away PostgreSQL cluster (fsync off), without the Portal and without demo data but Registration's
/// (the demo clerk's point); the journeys make their own rows. Also compiled into bench/Load.
/// </summary>
public static class SystemGraph
{
    public static readonly string[] Services = [.. DonationRegistrySystem.Services];

    public static void Add(DistributedApplicationBuilder builder)
    {
        var system = DonationRegistrySystem.Add(builder, new SystemOptions(Durable: false, SeedDemoData: false, WithPortal: false));
        // The HSC journey's case is Hangzhou's; appsettings.json has a fee standard for Ningbo only (and only for 2026). The
        // Shanghai year may be one ahead of UTC's.
        foreach (var year in new[] { DateTime.UtcNow.Year, DateTime.UtcNow.Year + 1 })
        {
            system.Hsc.WithEnvironment($"Collection__Cities__330100__FeeStandards__{year}__DonorSubsidy", "300000");
        }
    }
}
