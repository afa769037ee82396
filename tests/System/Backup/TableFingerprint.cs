namespace DonationRegistry.SystemTests.Backup;

/// <summary>A table's row count and an order-independent checksum of its rows (md5 over the sorted md5 of each row as JSON).</summary>
public sealed record TableFingerprint(string Table, long Rows, string Checksum);
