using Xunit;

namespace DonationRegistry.TestSupport;

/// <summary>
/// A database of its own for one test class (use as <c>IClassFixture&lt;FreshDatabase&gt;</c>), created on the shared test
/// PostgreSQL and dropped afterwards.
/// </summary>
public sealed class FreshDatabase : IAsyncLifetime
{
    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N");
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var postgres = await TestInfrastructure.PostgresAsync();
        await postgres.CreateDatabaseAsync(Name);
        ConnectionString = postgres.ConnectionString(Name);
    }

    public async Task DisposeAsync()
    {
        var postgres = await TestInfrastructure.PostgresAsync();
        await postgres.DropDatabaseAsync(Name);
    }
}
