using Npgsql;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// Exact row counts of every table of one service database, read in one statement — the fuzzer's "no partial write" check
/// compares them before and after each refused request.
/// </summary>
public sealed class TableCounts
{
    private readonly string _connectionString;
    private readonly string _sql;

    private TableCounts(string connectionString, IReadOnlyList<string> tables)
    {
        _connectionString = connectionString;
        Tables = tables;
        _sql = string.Join(" UNION ALL ", tables.Select((t, i) =>
            $"SELECT {i} AS i, count(*) AS n FROM {t}"));
    }

    /// <summary>The quoted, schema-qualified table names, in the order of <see cref="ReadAsync"/>'s result.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>The base tables of the database (every schema but PostgreSQL's own).</summary>
    public static async Task<TableCounts> ForAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1
            """, connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return new TableCounts(connectionString, tables);
    }

    public async Task<long[]> ReadAsync()
    {
        var counts = new long[Tables.Count];
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(_sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>"table: before → after" for each table whose count changed, except the changes <paramref name="ignore"/> accepts.</summary>
    public IReadOnlyList<string> Differences(long[] before, long[] after, Func<string, long, long, bool> ignore) =>
        [.. Tables.Select((t, i) => (t, i))
            .Where(x => before[x.i] != after[x.i] && !ignore(x.t, before[x.i], after[x.i]))
            .Select(x => $"{x.t}: {before[x.i]} → {after[x.i]}")];
}
