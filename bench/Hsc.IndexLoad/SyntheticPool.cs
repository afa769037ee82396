using DonationRegistry.SyntheticDonors;
using Npgsql;
using NpgsqlTypes;

namespace DonationRegistry.Hsc.IndexLoad;

/// <summary>
/// Writes the synthetic pool into hscdb's tables with binary COPY: every donor Available with one current typing already stamped
/// with the release, as after an ordinary earlier start (so the load's release stamp changes nothing).
/// </summary>
internal static class SyntheticPool
{
    private static readonly DateTimeOffset RecordedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<long> CountAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand(
            """
            SELECT count(*) FROM donors d JOIN typings t ON t."Id" = d."CurrentTypingId"
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task FillAsync(NpgsqlDataSource source, int donors, int seed, string release, TextWriter progress)
    {
        await using (var truncate = source.CreateCommand("TRUNCATE typings, donors"))
        {
            await truncate.ExecuteNonQueryAsync();
        }
        await using var connection = await source.OpenConnectionAsync();
        var pointId = Guid.Parse("5a1e0000-0000-4000-8000-000000000001");
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY donors ("Id", "PointId", "RegionCode", "BirthYear", "Sex", "Status", "Abo", "Cmv", "EnrolledAt", "CurrentTypingId", "UpdatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var donor in new SyntheticDonorGenerator(seed, SyntheticPoolOptions.Default).Generate(donors))
            {
                var typingId = TypingId(donor.Id);
                await writer.StartRowAsync();
                await writer.WriteAsync(donor.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(pointId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(donor.RegionCode, NpgsqlDbType.Varchar);
                await writer.WriteAsync(donor.BirthYear, NpgsqlDbType.Integer);
                await writer.WriteAsync(donor.Sex == "M" ? "Male" : "Female", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Available", NpgsqlDbType.Varchar);
                await writer.WriteAsync(donor.Abo, NpgsqlDbType.Varchar);
                await writer.WriteAsync(donor.CmvPositive switch { true => "Positive", false => "Negative", null => "Unknown" }, NpgsqlDbType.Varchar);
                await writer.WriteAsync(RecordedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(typingId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(RecordedAt, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        await progress.WriteLineAsync($"  {donors:N0} donors written");
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY typings ("Id", "DonorId", "Source", "OriginalText", "GlString", "Method", "Resolution", "Release", "RecordedAt", "RecordedBy", "InterpretedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var donor in new SyntheticDonorGenerator(seed, SyntheticPoolOptions.Default).Generate(donors))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(TypingId(donor.Id), NpgsqlDbType.Uuid);
                await writer.WriteAsync(donor.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync("GlString", NpgsqlDbType.Varchar);
                await writer.WriteAsync(donor.GlString, NpgsqlDbType.Text);
                await writer.WriteAsync(donor.GlString, NpgsqlDbType.Text);
                await writer.WriteAsync(donor.IsLegacyTyping ? "Sso" : "Ngs", NpgsqlDbType.Varchar);
                await writer.WriteAsync(donor.IsLegacyTyping ? "Low" : "High", NpgsqlDbType.Varchar);
                await writer.WriteAsync(release, NpgsqlDbType.Varchar);
                await writer.WriteAsync(RecordedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync("bench", NpgsqlDbType.Varchar);
                await writer.WriteAsync(RecordedAt, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        await progress.WriteLineAsync($"  {donors:N0} typings written");
        await using var analyze = source.CreateCommand("ANALYZE donors; ANALYZE typings");
        await analyze.ExecuteNonQueryAsync();
    }

    // Deterministic and distinct from the donor ids: the donor id with its last byte's high bit flipped.
    private static Guid TypingId(Guid donorId)
    {
        Span<byte> bytes = stackalloc byte[16];
        donorId.TryWriteBytes(bytes);
        bytes[15] ^= 0x80;
        return new Guid(bytes);
    }
}
