using Npgsql;

namespace DonationRegistry.SystemTests.Backup;

/// <summary>
/// The test's own count and checksum of every table of a database (written here, not taken from dr-backup, so the restore is
/// checked independently of the tool). Rows are hashed as JSON, optionally without some columns: the outbox's delivery columns
/// (sent_at, attempts, next_attempt_at, last_error) are compared apart, because a restore re-arms recently sent messages by design.
/// </summary>
public static class DatabaseFingerprints
{
    /// <summary>The outbox columns a restore may change (re-arming); everything else of an outbox row must come back as it was.</summary>
    public static readonly string[] OutboxDeliveryColumns = ["sent_at", "attempts", "next_attempt_at", "last_error"];

    private static readonly DateTimeOffset Never = new(2999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyDictionary<string, TableFingerprint>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        // One snapshot for all tables of the database.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables " +
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var result = new Dictionary<string, TableFingerprint>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var excluded = table.EndsWith("outbox_messages", StringComparison.Ordinal) ? OutboxDeliveryColumns : [];
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM (SELECT md5((to_jsonb(t) - @excluded)::text) AS h FROM {table} t) rows",
                connection, transaction);
            command.Parameters.AddWithValue("excluded", excluded);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            result[table] = new TableFingerprint(table, reader.GetInt64(0), reader.GetString(1));
        }
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>The message ids of an outbox a relay would send now: unsent, or (<paramref name="sentSince"/>) sent since then.</summary>
    public static async Task<IReadOnlySet<Guid>> OutboxToSendAsync(string connectionString, DateTimeOffset? sentSince = null)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.outbox_messages') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return new HashSet<Guid>();
        }
        await using var command = new NpgsqlCommand(
            "SELECT message_id FROM outbox_messages WHERE sent_at IS NULL OR sent_at >= @since", connection);
        command.Parameters.AddWithValue("since", (sentSince ?? Never).ToUniversalTime());
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}
