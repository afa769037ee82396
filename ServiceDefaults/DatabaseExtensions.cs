using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DonationRegistry.ServiceDefaults;

/// <summary>EF Core on PostgreSQL, by connection-string name, with migrations applied at start-up before traffic.</summary>
public static class DatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the connection string <paramref name="connectionName"/> (the AppHost injects
    /// <c>ConnectionStrings__name</c>), a hosted service that applies pending migrations, and a readiness check that stays
    /// unhealthy until they are applied and the database answers.
    /// </summary>
    public static TBuilder AddServiceDbContext<TBuilder, TContext>(this TBuilder builder, string connectionName,
        Action<DbContextOptionsBuilder>? configure = null)
        where TBuilder : IHostApplicationBuilder where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing (ConnectionStrings:{connectionName}).");
        builder.Services.AddDbContext<TContext>(o =>
        {
            o.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3));
            configure?.Invoke(o);
        });
        builder.Services.AddSingleton<MigrationState<TContext>>();
        builder.Services.AddHostedService<MigrationRunner<TContext>>();
        builder.Services.AddHealthChecks()
            .AddCheck<MigrationHealthCheck<TContext>>($"{connectionName}-migrations", tags: [Extensions.ReadyTag])
            .AddDbContextCheck<TContext>(connectionName, tags: [Extensions.ReadyTag]);
        return builder;
    }
}
