using System.Diagnostics;
using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using DonationRegistry.Hsc.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonationRegistry.Hsc.Searching;

/// <summary>
/// The IMGT/HLA release and the donor index this replica serves with. The first load runs at start-up (<see cref="IndexLoader"/>;
/// readiness stays unhealthy until it finishes); a reload builds a new nomenclature and a new index from the stored typings in the
/// background while the old pair serves, then swaps the pair atomically, and the change feed replays whatever changed meanwhile.
/// </summary>
public sealed partial class HlaEngine(IServiceScopeFactory scopes, IOptions<HlaOptions> options, TimeProvider clock, ILogger<HlaEngine> logger)
{
    private volatile HlaSnapshot? _current;
    private volatile string _reloadState = "idle";
    private int _reloading;

    // The version (updated_at) of each donor applied lately, and the newest of them; guarded by locking _applied.
    private readonly Dictionary<Guid, DateTimeOffset> _applied = [];
    private DateTimeOffset _newestApplied;
    private int _pruneAt = 1024;
    private static readonly TimeSpan AppliedVersionMargin = TimeSpan.FromMinutes(1);

    public bool IsLoaded => _current is not null;

    /// <summary>The pair in use; UNAVAILABLE while the first load runs.</summary>
    public HlaSnapshot Current => _current
        ?? throw new RpcException(new Status(StatusCode.Unavailable, "The HLA release and donor index are still loading; retry shortly."));

    /// <summary>"idle", "loading {version}" or "failed {version}: {reason}".</summary>
    public string ReloadState => _reloadState;

    /// <summary>Raised after a swap with the instant the new index's donors were read: the change feed replays from there.</summary>
    public event Action<DateTimeOffset>? Swapped;

    /// <summary>The folder of every release (the parent of the configured one).</summary>
    public string ReleasesRoot => Path.GetDirectoryName(Path.GetFullPath(options.Value.ImgtFolder).TrimEnd(Path.DirectorySeparatorChar))!;

    /// <summary>Release folders beside the configured one (a folder counts when it holds hla_nom_p.txt).</summary>
    public IReadOnlyList<string> LoadableVersions() =>
        Directory.Exists(ReleasesRoot)
            ? [.. Directory.GetDirectories(ReleasesRoot).Where(d => File.Exists(Path.Combine(d, "hla_nom_p.txt")))
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Interprets a genotype GL String with the release in use (HlaTypingException naming the bad token).</summary>
    public InterpretedTyping Interpret(string glString) => Interpret(Current.Nomenclature, glString);

    public static InterpretedTyping Interpret(HlaNomenclature nomenclature, string glString)
    {
        var genotype = nomenclature.ParseGlString(glString);
        return new InterpretedTyping(genotype, glString, TypingResolutions.Of(genotype), nomenclature.Release,
            TypingResolutions.Searchable(genotype));
    }

    /// <summary>
    /// Applies committed donor rows to the index in use: typed donors are upserted (searchable or not), others removed. A row older
    /// than the version of the same donor applied before is skipped: the change feed may read a donor just before a request commits a
    /// change and applies it (read-your-writes), and its stale row must not undo that (the donor vanished from searches until the next
    /// poll).
    /// </summary>
    public void Apply(IReadOnlyList<DonorRow> rows)
    {
        var snapshot = _current;
        if (snapshot is null)
        {
            return;
        }
        lock (_applied)
        {
            foreach (var row in rows)
            {
                if (_applied.TryGetValue(row.DonorId, out var applied) && applied > row.UpdatedAt)
                {
                    continue;
                }
                _applied[row.DonorId] = row.UpdatedAt;
                _newestApplied = row.UpdatedAt > _newestApplied ? row.UpdatedAt : _newestApplied;
                if (ToIndexed(snapshot.Nomenclature, row) is { } donor)
                {
                    snapshot.Index.Upsert(donor);
                }
                else
                {
                    snapshot.Index.Remove(row.DonorId);
                }
            }
            ForgetOldVersions();
        }
    }

    // Versions are kept only as long as a stale read of them could still arrive (the change feed reads back ChangeFeedLookBack);
    // pruned when the map has doubled since the last pruning, so a bulk import costs amortised constant time per donor.
    private void ForgetOldVersions()
    {
        if (_applied.Count < _pruneAt)
        {
            return;
        }
        var horizon = _newestApplied - options.Value.ChangeFeedLookBack - AppliedVersionMargin;
        foreach (var (donorId, version) in _applied)
        {
            if (version < horizon)
            {
                _applied.Remove(donorId);
            }
        }
        _pruneAt = Math.Max(1024, _applied.Count * 2);
    }

    /// <summary>Loads the configured release and builds the index (start-up).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.ImgtFolder;
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            throw new InvalidOperationException($"Hla:ImgtFolder must name an IMGT/HLA release folder (got '{folder}').");
        }
        await BuildAndSwapAsync(folder, cancellationToken);
    }

    /// <summary>Starts loading release <paramref name="version"/> in the background; false when a reload already runs.</summary>
    public bool StartReload(string version)
    {
        if (Interlocked.CompareExchange(ref _reloading, 1, 0) != 0)
        {
            return false;
        }
        _reloadState = $"loading {version}";
        _ = Task.Run(async () =>
        {
            try
            {
                await BuildAndSwapAsync(Path.Combine(ReleasesRoot, version), CancellationToken.None);
                _reloadState = "idle";
            }
            catch (Exception ex)
            {
                LogReloadFailed(logger, ex, version);
                _reloadState = $"failed {version}: {ex.Message}";
            }
            finally
            {
                Volatile.Write(ref _reloading, 0);
            }
        });
        return true;
    }

    private async Task BuildAndSwapAsync(string folder, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var macFile = options.Value.MacFile;
        var nomenclature = await Task.Run(() => HlaNomenclature.LoadFolder(folder,
            string.IsNullOrWhiteSpace(macFile) ? null : MacTable.Load(macFile)), cancellationToken);
        var readAt = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HscDbContext>();
        var loadMs = watch.ElapsedMilliseconds;
        var unreadable = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        // Reading and interpreting overlap: the build pulls rows from the open query in chunks while its workers interpret.
        var index = await Task.Run(() => DonorIndex.Build(DonorRows.StreamTyped(db), row =>
        {
            var donor = ToIndexed(nomenclature, row);
            if (donor is null)
            {
                unreadable.Add(row.DonorId);
            }
            return donor;
        }, new NomenclatureGrader(nomenclature)), cancellationToken);
        var buildMs = watch.ElapsedMilliseconds - loadMs;
        // Record which release each current typing was last interpreted with (those that failed keep their old release). One
        // statement: on an ordinary start-up nothing changes and it costs one scan.
        var release = nomenclature.Release;
        var skipped = unreadable.ToList();
        await db.Typings.Where(t => t.SupersededAt == null && t.Release != release && !skipped.Contains(t.DonorId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Release, release).SetProperty(t => t.InterpretedAt, readAt), cancellationToken);
        _current = new HlaSnapshot(nomenclature, index, clock.GetUtcNow());
        LogLoaded(logger, release, index.Count, skipped.Count, loadMs, buildMs, watch.ElapsedMilliseconds - loadMs - buildMs,
            watch.ElapsedMilliseconds);
        Swapped?.Invoke(readAt);
    }

    /// <summary>The donor as the index holds it, or null when untyped or the typing no longer reads with this release.</summary>
    private IndexedDonor? ToIndexed(HlaNomenclature nomenclature, DonorRow row)
    {
        if (row.GlString is null)
        {
            return null;
        }
        try
        {
            return new IndexedDonor(row.DonorId, nomenclature.ParseGlString(row.GlString), ProfileMapping.Profile(row));
        }
        catch (HlaTypingException ex)
        {
            LogUnreadable(logger, row.DonorId, nomenclature.Release, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "HLA release {Release} loaded: {Count} donors indexed, {Skipped} typings unreadable with it; release {LoadMs} ms, " +
            "database read with interpret and build {BuildMs} ms, release stamp {StampMs} ms, {Milliseconds} ms in all")]
    private static partial void LogLoaded(ILogger logger, string release, int count, int skipped, long loadMs, long buildMs, long stampMs,
        long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Donor {DonorId}: typing unreadable with release {Release} ({Reason}); left out of the index")]
    private static partial void LogUnreadable(ILogger logger, Guid donorId, string release, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reload of HLA release {Version} failed; the previous release keeps serving")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string version);
}
