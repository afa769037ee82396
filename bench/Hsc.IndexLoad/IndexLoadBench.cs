using System.Diagnostics;
using System.Globalization;
using DonationRegistry.Hosting;
using DonationRegistry.Hla;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Hsc.Searching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DonationRegistry.Hsc.IndexLoad;

/// <summary>Prepares the database once, then times <see cref="HlaEngine.LoadAsync"/> (the service's start-up load) several times.</summary>
internal static class IndexLoadBench
{
    private const string Database = "hscbench";

    public static async Task<int> RunAsync(IndexLoadOptions options, TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        await using var postgres = new PostgresServer(options.DataFolder, Ports.Free(), durable: false);
        await postgres.StartAsync();
        var connectionString = postgres.ConnectionString(Database);
        await EnsurePoolAsync(postgres, connectionString, options, output);

        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft", LogLevel.Warning))
            .AddDbContext<HscDbContext>(db => db.UseNpgsql(connectionString))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new HlaOptions { ImgtFolder = options.ImgtFolder }))
            .AddSingleton<HlaEngine>()
            .BuildServiceProvider();
        var engine = services.GetRequiredService<HlaEngine>();

        var results = new List<string>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var load = LoadAverage();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var postmaster = postgres.Process!.Id;
            var postgresCpu = PostgresCpuSeconds(postmaster);
            var watch = Stopwatch.StartNew();
            await engine.LoadAsync(CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var serverCpu = PostgresCpuSeconds(postmaster) - postgresCpu;
            using var process = Process.GetCurrentProcess();
            var line = string.Create(invariant,
                $"| {run}{(run == 1 ? " (cold: JIT, first read)" : "")} | {engine.Current.Index.Count:N0} | {seconds:F1} | {ownCpu:F1} | {serverCpu:F1} | {process.WorkingSet64 / 1024 / 1024:N0} | {load} |");
            results.Add(line);
            await output.WriteLineAsync(line);
        }

        var report = string.Join(Environment.NewLine, [
            "",
            string.Create(invariant, $"## HSC index from the database ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)"),
            "",
            string.Create(invariant, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Command: `dotnet run -c Release --project bench/Hsc.IndexLoad -- --donors {options.Donors} --runs {options.Runs}`."),
            "Each run is `HlaEngine.LoadAsync`, what the HSC service does at start-up: load the IMGT/HLA release, stream every typed donor",
            "from PostgreSQL, interpret its GL String and build the index, stamp the release. Goal (issue #4): 3.5 M donors in under 60 s.",
            "",
            "| run | donors indexed | wall s | CPU s (service) | CPU s (PostgreSQL) | working set MB | load average (1/5/15 min) before |",
            "|---|---|---|---|---|---|---|",
            .. results,
            ""]);
        if (options.WriteTo is not null)
        {
            await File.AppendAllTextAsync(options.WriteTo, report);
        }
        return 0;
    }

    private static async Task EnsurePoolAsync(PostgresServer postgres, string connectionString, IndexLoadOptions options, TextWriter output)
    {
        await using (var admin = new NpgsqlConnection(postgres.ConnectionString()))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", admin);
            if (await exists.ExecuteScalarAsync() is null) await postgres.CreateDatabaseAsync(Database);
        }
        await using (var db = new HscDbContext(new DbContextOptionsBuilder<HscDbContext>().UseNpgsql(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }
        // Writing millions of rows takes minutes on a busy machine: no command timeout.
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        var present = await SyntheticPool.CountAsync(source);
        if (present == options.Donors)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pool of {present:N0} donors already in {options.DataFolder}"));
            return;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"writing the synthetic pool ({options.Donors:N0} donors, seed {options.Seed}) …"));
        var release = HlaNomenclature.LoadFolder(options.ImgtFolder).Release;
        var watch = Stopwatch.StartNew();
        await SyntheticPool.FillAsync(source, options.Donors, options.Seed, release, output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pool written in {watch.Elapsed.TotalSeconds:F0} s"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // CPU seconds used so far by this cluster's server processes (children of its postmaster; the pooled backend that served
    // the read stays alive between runs).
    private static double PostgresCpuSeconds(int postmaster)
    {
        var ticks = 0L;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try { text = File.ReadAllText(stat); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
            // Fields after the ") " that closes the command name: state ppid … utime(14) stime(15), counted from pid = 1.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var pid = int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            if (pid != postmaster && fields[1] != postmaster.ToString(CultureInfo.InvariantCulture)) continue;
            ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        return ticks / 100.0; // USER_HZ
    }
}
