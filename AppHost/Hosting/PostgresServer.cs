using Npgsql;

namespace DonationRegistry.Hosting;

/// <summary>
/// A private PostgreSQL cluster run as a child process: initialised once under <see cref="DataDirectory"/> (kept between runs),
/// listening on 127.0.0.1 only, with its socket in the same folder. As root it runs as the <c>postgres</c> user (PostgreSQL refuses
/// root) through <c>setpriv</c>, which execs, so signals reach the postmaster itself.
/// </summary>
public sealed class PostgresServer(string directory, int port, bool durable = true, Action<string>? onLine = null) : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private ChildProcess? _process;

    public string Directory { get; } = Path.GetFullPath(directory);
    public string DataDirectory => Path.Combine(Directory, "data");
    public int Port { get; } = port;
    public ChildProcess? Process => _process;

    /// <summary>Connection string for <paramref name="database"/> as the superuser (trust authentication on loopback).</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = ServiceUser,
            Pooling = true,
        }.ConnectionString;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries();
        Ports.EnsureFree(Port, "PostgreSQL", "the postgres port setting");
        System.IO.Directory.CreateDirectory(Directory);
        var asRoot = ChildProcess.GetEffectiveUserId() == 0;
        if (asRoot)
        {
            await ChownAsync(Directory);
        }
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            var (code, output) = await ChildProcess.RunAsync(asRoot ? "setpriv" : Path.Combine(bin, "initdb"),
                AsServiceUser(asRoot, Path.Combine(bin, "initdb"),
                    ["-D", DataDirectory, "-U", ServiceUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", .. durable ? Array.Empty<string>() : ["--no-sync"]]),
                timeout: TimeSpan.FromMinutes(2));
            if (code != 0)
            {
                throw new HostingException($"initdb failed (exit {code}) in {DataDirectory}:\n{output}");
            }
        }
        string[] settings =
        [
            "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", Directory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
            .. durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
        ];
        _process = ChildProcess.Start(asRoot ? "setpriv" : Path.Combine(bin, "postgres"),
            AsServiceUser(asRoot, Path.Combine(bin, "postgres"), settings), onLine: onLine);
        await WaitUntilReadyAsync(cancellationToken);
        OrphanGuard.AfterThisProcessExits($"[ \"$(cat /proc/{_process.Id}/comm 2>/dev/null)\" = postgres ] && kill -INT {_process.Id}");
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new HostingException($"PostgreSQL exited with code {_process.ExitCode}:\n{string.Join('\n', _process.RecentLines())}");
            }
            if (await IsHealthyAsync(cancellationToken))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new HostingException($"PostgreSQL did not accept connections on port {Port} within 60 s.");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false;Timeout=2");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Creates <paramref name="database"/> unless it exists.</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task DropDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Fast shutdown (SIGINT): open transactions are rolled back, committed data is kept.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _process.StopAsync(ChildProcess.SigInt, TimeSpan.FromSeconds(30));
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string[] AsServiceUser(bool asRoot, string program, string[] arguments) =>
        asRoot ? ["--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--", program, .. arguments] : arguments;

    private static async Task ChownAsync(string path)
    {
        var (code, output) = await ChildProcess.RunAsync("chown", ["-R", $"{ServiceUser}:", path]);
        if (code != 0)
        {
            throw new HostingException($"chown of {path} to {ServiceUser} failed: {output}");
        }
    }

    /// <summary>The newest installed server's bin folder, or a message naming the Debian package to install.</summary>
    public static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "postgres")) && File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new HostingException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin. Install them: sudo apt-get install -y postgresql");
    }
}
