namespace DonationRegistry.Registration.Bench;

/// <summary>Throughput and latency percentiles of one measured run.</summary>
internal sealed record LatencyStats(int Requests, int Failures, TimeSpan Elapsed, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public static LatencyStats From(IReadOnlyCollection<double> latenciesMs, int failures, TimeSpan elapsed)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencyStats(sorted.Length, failures, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.90),
            Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
