using DonationRegistry.Hosting;

namespace DonationRegistry.SystemTests.Backup;

/// <summary>
/// Runs <c>dr-backup</c> (tools/backup) as its own process, exactly as docs/backup-restore.md tells the operator, from the build the
/// test project made of it (same configuration).
/// </summary>
public static class BackupTool
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary><c>dr-backup backup --to &lt;folder&gt; --port &lt;port&gt; --data &lt;data path&gt;</c>; returns its output.</summary>
    public static Task<string> BackupAsync(string folder, int postgresPort, string dataPath) =>
        RunAsync("backup", "--to", folder, "--port", postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", dataPath);

    /// <summary><c>dr-backup restore --from &lt;folder&gt; --data &lt;fresh data path&gt;</c> (default re-arm window); returns its output.</summary>
    public static Task<string> RestoreAsync(string folder, string dataPath) => RunAsync("restore", "--from", folder, "--data", dataPath);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var assembly = Path.Combine(SystemFixture.RepositoryRoot(), "tools", "backup", "bin", SystemFixture.BuildConfiguration, "net10.0", "dr-backup.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build tests/System (it builds tools/backup).");
        }
        var (code, output) = await ChildProcess.RunAsync("dotnet", [assembly, .. arguments], timeout: Limit);
        return code == 0 ? output : throw new InvalidOperationException($"dr-backup {arguments[0]} failed (exit {code}):\n{output}");
    }
}
