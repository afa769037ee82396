namespace DonationRegistry.Backup;

/// <summary>A backup or restore that cannot go on; the message says why and what to do.</summary>
internal sealed class BackupException(string message) : Exception(message);
