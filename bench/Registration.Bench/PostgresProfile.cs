using System.Globalization;
using System.Text;
using Npgsql;

namespace DonationRegistry.Registration.Bench;

/// <summary>
/// What the database did for the measured run: commits per request (pg_stat_database) and, with <c>--profile</c>, the statements
/// that took the most time (pg_stat_statements, loaded by restarting the server with shared_preload_libraries).
/// </summary>
internal static class PostgresProfile
{
    public static async Task EnableStatementsAsync(DonationRegistry.Hosting.PostgresServer postgres)
    {
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var alter = new NpgsqlCommand("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'", connection);
            await alter.ExecuteNonQueryAsync();
        }
        await postgres.StopAsync();
        await postgres.StartAsync();
    }

    public static async Task CreateExtensionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task<long> CommitsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The top statements by total execution time in the service's database, one line each.</summary>
    public static async Task<string> TopStatementsAsync(string connectionString, int requests, int top = 15)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT calls, total_exec_time, mean_exec_time, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT @top
            """, connection);
        command.Parameters.AddWithValue("top", top);
        var s = new StringBuilder("| calls/request | ms/request | mean ms | statement |\n|---|---|---|---|\n");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {reader.GetInt64(0) / (double)requests:0.00} | {reader.GetDouble(1) / requests:0.000} | {reader.GetDouble(2):0.000} | `{reader.GetString(4).Replace("|", "\\|", StringComparison.Ordinal)}` |");
        }
        return s.ToString();
    }
}
