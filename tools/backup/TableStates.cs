using Npgsql;

namespace DonationRegistry.Backup;

/// <summary>Counts and checksums every user table of a database inside the caller's transaction (so they describe one snapshot).</summary>
internal static class TableStates
{
    public static async Task<IReadOnlyList<TableState>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            """
            SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
            """, connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var states = new List<TableState>(tables.Count);
        foreach (var table in tables)
        {
            // Rows hashed one by one and the hashes sorted: the checksum does not depend on the physical order pg_restore writes.
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM (SELECT md5(t::text) AS h FROM {table} t) rows",
                connection, transaction) { CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            states.Add(new TableState(table, reader.GetInt64(0), reader.GetString(1)));
        }
        return states;
    }
}
