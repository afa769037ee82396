using DonationRegistry.Backup;

// dr-backup backup --to <folder> [--port 54320] [--data .data] [--databases a,b]
// dr-backup restore --from <folder> --data <fresh data path> [--port <free>] [--rearm-window 00:10:00]
// See docs/backup-restore.md.
try
{
    return await BackupCli.RunAsync(args, Console.Out);
}
catch (BackupException ex)
{
    await Console.Error.WriteLineAsync("dr-backup: " + ex.Message);
    return 1;
}
