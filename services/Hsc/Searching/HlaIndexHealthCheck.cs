using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DonationRegistry.Hsc.Searching;

/// <summary>Readiness: unhealthy until the release and the index are loaded.</summary>
public sealed class HlaIndexHealthCheck(HlaEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.IsLoaded
            ? HealthCheckResult.Healthy($"release {engine.Current.Release}, {engine.Current.Index.Count} donors indexed")
            : HealthCheckResult.Unhealthy("HLA release and donor index loading"));
}
