using DonationRegistry.Hosting;

namespace DonationRegistry.AppHost.Tests;

/// <summary>A builder for a test graph: a temporary data folder, a free dashboard port, no console output, fast health checks.</summary>
internal sealed class TestGraph : IDisposable
{
    public TestGraph(params string[] extraArgs)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "donationregistry-apphost-tests", Guid.NewGuid().ToString("N"));
        DashboardPort = Ports.Free();
        Builder = DistributedApplication.CreateBuilder(
        [
            $"--DataPath={DataPath}", $"--Ports:Dashboard={DashboardPort}", "--ConsoleOutput=false", "--HealthIntervalSeconds=0.5",
            .. extraArgs,
        ]);
    }

    public string DataPath { get; }

    public int DashboardPort { get; }

    public DistributedApplicationBuilder Builder { get; }

    /// <summary>Generous: RabbitMQ's first start takes 5-10 s alone, much more on a loaded machine.</summary>
    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp folder: harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // PostgreSQL's files belong to the postgres user when running as root; left under the temp folder.
        }
    }
}
