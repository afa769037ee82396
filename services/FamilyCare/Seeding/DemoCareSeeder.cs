using DonationRegistry.FamilyCare.Infrastructure;

namespace DonationRegistry.FamilyCare.Seeding;

/// <summary>Runs <see cref="DemoCareData"/> once at start (after the migrations, which are a hosted service registered earlier).</summary>
public sealed partial class DemoCareSeeder(IServiceProvider services, ILogger<DemoCareSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var data = scope.ServiceProvider.GetRequiredService<DemoCareData>();
            var added = await data.SeedAsync(scope.ServiceProvider.GetRequiredService<FamilyCareDbContext>(), stoppingToken);
            LogSeeded(logger, added);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or DomainException or InvalidOperationException
                                       or Npgsql.NpgsqlException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FamilyCare demo data: {Families} families added")]
    private static partial void LogSeeded(ILogger logger, int families);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FamilyCare demo data could not be seeded")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
