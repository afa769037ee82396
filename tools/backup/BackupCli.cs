using System.Globalization;
using DonationRegistry.Hosting;
using Npgsql;

namespace DonationRegistry.Backup;

/// <summary>The command line: which command, with which folders and ports.</summary>
internal static class BackupCli
{
    // The AppHost's PostgreSQL port (AppHost/appsettings.json, Ports:postgres) and data path.
    private const int AppHostPostgresPort = 54320;
    private const string Usage = """
        usage: dr-backup backup --to <new folder> [--port 54320] [--data .data] [--databases a,b]
               dr-backup restore --from <backup folder> --data <fresh data path> [--port <port>] [--rearm-window 00:10:00]
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Length == 0 || (args[0] != "backup" && args[0] != "restore"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new BackupException($"'{args[i]}' needs a value.\n{Usage}");
            }
            options[args[i][2..]] = args[i + 1];
        }
        var port = options.TryGetValue("port", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
        if (args[0] == "backup")
        {
            var to = Required(options, "to");
            var data = Path.GetFullPath(options.GetValueOrDefault("data", ".data"));
            var server = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port ?? AppHostPostgresPort, Username = "postgres", Database = "postgres", Pooling = false,
            };
            var only = options.TryGetValue("databases", out var names) ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
            var manifest = await BackupCommand.RunAsync(server.ConnectionString, Directory.Exists(data) ? data : null, Path.GetFullPath(to), output, only);
            await output.WriteLineAsync($"backup of {manifest.Databases.Count} databases written to {Path.GetFullPath(to)}");
            return 0;
        }
        var window = options.TryGetValue("rearm-window", out var w) ? TimeSpan.Parse(w, CultureInfo.InvariantCulture) : TimeSpan.FromMinutes(10);
        var restored = await RestoreCommand.RunAsync(Path.GetFullPath(Required(options, "from")), Path.GetFullPath(Required(options, "data")),
            port ?? Ports.Free(), window, output);
        await output.WriteLineAsync($"restored {restored.Count} databases ({restored.Sum(r => r.Rows):N0} rows, " +
            $"{restored.Sum(r => r.RearmedMessages)} outbox messages re-armed); start the system on it with ./start.sh --DataPath={Required(options, "data")}");
        return 0;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new BackupException($"--{name} is required.\n{Usage}");
}
