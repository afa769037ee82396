namespace DonationRegistry.Registration.Bench;

/// <summary>CPU milliseconds per request of this process and of PostgreSQL, cores kept busy, and the load average around the run.</summary>
internal sealed record CpuUse(double SelfMs, double PostgresMs, double Cores, string LoadBefore, string LoadAfter);
