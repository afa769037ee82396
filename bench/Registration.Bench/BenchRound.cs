namespace DonationRegistry.Registration.Bench;

/// <summary>One measured run of the service followed by pgbench on the same server.</summary>
internal sealed record BenchRound(MeasuredRun Run, PgbenchRun Pgbench)
{
    public double Ratio => Run.Latency.PerSecond / Pgbench.Tps;
}
