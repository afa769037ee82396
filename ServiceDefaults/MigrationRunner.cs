using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DonationRegistry.ServiceDefaults;

/// <summary>Whether the migrations of one DbContext have been applied; read by the readiness check.</summary>
internal sealed class MigrationState<TContext> where TContext : DbContext
{
    public volatile bool Applied;
    public volatile string? Error;
}

/// <summary>
/// Applies pending migrations when the host starts. It runs in StartAsync, so Kestrel takes no request before the schema is current
/// (hosted services start before the server); if it fails the host stops with the reason logged.
/// </summary>
internal sealed partial class MigrationRunner<TContext>(IServiceProvider services, MigrationState<TContext> state, ILogger<MigrationRunner<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            // Migrate first, then count: every question asked before the history table exists makes EF log a failed query of it
            // ("Failed executing DbCommand ... __EFMigrationsHistory"), which reads like an error; on a fresh database one such
            // line from MigrateAsync itself remains and is harmless.
            await db.Database.MigrateAsync(cancellationToken);
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
            LogApplied(logger, typeof(TContext).Name, applied);
            state.Applied = true;
        }
        catch (Exception ex)
        {
            state.Error = ex.Message;
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context}: schema current ({Count} migration(s) applied in all)")]
    private static partial void LogApplied(ILogger logger, string context, int count);
}

internal sealed class MigrationHealthCheck<TContext>(MigrationState<TContext> state) : IHealthCheck where TContext : DbContext
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Applied
            ? HealthCheckResult.Healthy("migrations applied")
            : HealthCheckResult.Unhealthy(state.Error ?? "migrations not yet applied"));
}
