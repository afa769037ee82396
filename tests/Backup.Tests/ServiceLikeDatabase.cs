using DonationRegistry.Messaging;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DonationRegistry.Backup.Tests;

/// <summary>
/// A database shaped like a service's: a table of its own plus the real outbox and inbox tables (Messaging's model), on the shared
/// test PostgreSQL.
/// </summary>
internal sealed class ServiceLikeDatabase(string name)
{
    public string Name { get; } = name;

    public static async Task<ServiceLikeDatabase> CreateAsync()
    {
        var database = new ServiceLikeDatabase("bk_" + Guid.NewGuid().ToString("N")[..12]);
        var postgres = await TestInfrastructure.PostgresAsync();
        await postgres.CreateDatabaseAsync(database.Name);
        await using (var context = new MessagingOnlyContext(await database.ConnectionStringAsync()))
        {
            await context.Database.EnsureCreatedAsync();
        }
        await database.ExecuteAsync("CREATE TABLE registrations (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, number text NOT NULL, at timestamptz NOT NULL DEFAULT now())");
        return database;
    }

    public async Task<string> ConnectionStringAsync() => (await TestInfrastructure.PostgresAsync()).ConnectionString(Name);

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameter, value) in parameters) command.Parameters.AddWithValue(parameter, value);
        await command.ExecuteNonQueryAsync();
    }

    public async Task AddRegistrationsAsync(int count) =>
        await ExecuteAsync("INSERT INTO registrations (number) SELECT 'R' || g FROM generate_series(1, @n) g", ("n", count));

    /// <summary>An outbox message sent at <paramref name="sentAt"/> (null: not sent yet).</summary>
    public async Task AddOutboxMessageAsync(DateTimeOffset? sentAt) =>
        await ExecuteAsync(
            "INSERT INTO outbox_messages (message_id, message_type, body, created_at, sent_at, attempts) VALUES (@id, 'Test', '{}', now(), @sent, 0)",
            ("id", Guid.NewGuid()), ("sent", (object?)sentAt ?? DBNull.Value));

    public async Task DropAsync() => await (await TestInfrastructure.PostgresAsync()).DropDatabaseAsync(Name);

    private sealed class MessagingOnlyContext(string connectionString) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql(connectionString);

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxInbox();
    }
}
