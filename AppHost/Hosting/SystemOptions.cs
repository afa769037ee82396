namespace DonationRegistry.Hosting;

/// <summary>What differs between the ways the system is started (see <see cref="DonationRegistrySystem"/>).</summary>
/// <param name="Durable">A PostgreSQL cluster that survives a crash (the AppHost's under .data); off for throw-away test clusters (fsync off).</param>
/// <param name="SeedDemoData">Demo data in Hsc, OrganCoordination and FamilyCare (Registration always seeds its points: the demo
/// clerk's point is where the demo users start).</param>
/// <param name="WithPortal">Start the web UI too.</param>
public sealed record SystemOptions(bool Durable = true, bool SeedDemoData = true, bool WithPortal = true);
