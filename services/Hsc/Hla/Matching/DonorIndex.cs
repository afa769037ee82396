using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace DonationRegistry.Hla.Matching;

/// <summary>
/// The whole searchable donor pool in memory. Each donor is a slot holding, per locus, the id of its distinct locus typing (two
/// interned positions with their P-group sets); a search turns the patient into a small mismatch table per locus (one entry per
/// distinct locus typing) and scans the slot columns adding table entries, so the per-donor work is five array loads and adds.
/// <para>
/// Concurrency: one writer at a time (writes take a lock), readers never lock. Slots are append-only and versioned by an epoch: an
/// update writes a new slot born at epoch e+1, marks the old one dead from e+1, then publishes e+1; a search reads the epoch first
/// and sees exactly the donors current at that epoch, so a donor is never seen twice or half-updated, and a change is visible to
/// every search that starts after <see cref="Upsert(Guid, Genotype, DonorProfile)"/> returns. Dead slots are not reused; an index
/// that sees many updates is compacted by building a new one (as a release reload does anyway).
/// </para>
/// </summary>
public sealed partial class DonorIndex
{
    private const int LocusCount = 6;
    private readonly Lock _writeLock = new();
    private readonly LocusStore[] _stores;
    // Written and read under the write lock only.
    private readonly DonorSlotMap _slotsById;
    private readonly ConcurrentDictionary<string, int> _regionIds = new(StringComparer.Ordinal);
    private readonly AppendOnlyList<string> _regions = new();
    private DonorSegment[] _segments = [];
    private int _slotCount;
    private int _epoch;
    private int _donorCount;

    /// <summary>An empty index scoring with <paramref name="grader"/> (default: <see cref="PGroupGrader"/>).</summary>
    public DonorIndex(IPositionGrader? grader = null)
    {
        Grader = grader ?? PGroupGrader.Instance;
        _slotsById = new DonorSlotMap(DonorIdOfSlot);
        _stores = [.. Loci.All.Select(locus => new LocusStore(locus))];
    }

    /// <summary>The grader that scores returned donors.</summary>
    public IPositionGrader Grader { get; }

    /// <summary>Donors in the index (searchable or not).</summary>
    public int Count => Volatile.Read(ref _donorCount);

    /// <summary>Slots in use, dead ones included (memory grows with updates until the index is rebuilt).</summary>
    public int SlotCount => Volatile.Read(ref _slotCount);

    /// <summary>Distinct position typings held at <paramref name="locus"/>.</summary>
    public int DistinctTypings(Locus locus) => _stores[(int)locus].Typings.Count;

    /// <summary>Distinct locus typings (position pairs) held at <paramref name="locus"/>.</summary>
    public int DistinctLocusTypings(Locus locus) => _stores[(int)locus].Pairs.Count - 1;

    /// <summary>True when the donor is in the index.</summary>
    public bool Contains(Guid donorId)
    {
        lock (_writeLock) return _slotsById.TryGet(donorId, out _);
    }

    /// <summary>Builds an index from donors (the last entry wins when an id repeats), interning in parallel.</summary>
    public static DonorIndex Build(IEnumerable<IndexedDonor> donors, IPositionGrader? grader = null, int maxDegreeOfParallelism = -1) =>
        Build(donors, donor => donor, grader, maxDegreeOfParallelism);

    /// <summary>
    /// Builds an index from any source, running <paramref name="convert"/> (e.g. interpreting stored GL strings) and interning in
    /// parallel while keeping the source order; <paramref name="convert"/> returns null to leave an item out. The last entry wins
    /// when an id repeats. An exception thrown by <paramref name="convert"/> stops the build and is rethrown as is.
    /// </summary>
    public static DonorIndex Build<T>(IEnumerable<T> source, Func<T, IndexedDonor?> convert, IPositionGrader? grader = null,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(convert);
        var index = new DonorIndex(grader);
        if (source.TryGetNonEnumeratedCount(out var expected)) index._slotsById.EnsureCapacity(expected);
        var parallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        try
        {
            var prepared = source.AsParallel().AsOrdered().WithDegreeOfParallelism(parallelism)
                .Select(item => convert(item) is { } donor ? index.Prepare(donor.DonorId, donor.Genotype, donor.Profile) : (PreparedDonor?)null);
            lock (index._writeLock)
            {
                foreach (var donor in prepared)
                {
                    if (donor is { } value) index.WriteSlot(value, born: 0, died: 0);
                }
            }
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            throw;
        }
        return index;
    }

    /// <summary>
    /// Adds or replaces a donor; the next search sees the new typing and profile. Re-upserting a donor unchanged (same
    /// interpreted typing and profile) does nothing.
    /// </summary>
    public void Upsert(Guid donorId, Genotype genotype, DonorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(genotype);
        ArgumentNullException.ThrowIfNull(profile);
        var prepared = Prepare(donorId, genotype, profile);
        lock (_writeLock)
        {
            // A change feed may deliver the same donor again: an unchanged donor costs no slot.
            if (_slotsById.TryGet(donorId, out var current) && SlotHolds(current, prepared)) return;
            var next = _epoch + 1;
            WriteSlot(prepared, born: next, died: next);
            Volatile.Write(ref _epoch, next);
        }
    }

    /// <summary>Adds or replaces a donor.</summary>
    public void Upsert(IndexedDonor donor)
    {
        ArgumentNullException.ThrowIfNull(donor);
        Upsert(donor.DonorId, donor.Genotype, donor.Profile);
    }

    /// <summary>Removes a donor; false when it was not in the index.</summary>
    public bool Remove(Guid donorId)
    {
        lock (_writeLock)
        {
            if (!_slotsById.Remove(donorId, out var slot)) return false;
            Volatile.Write(ref _donorCount, _slotsById.Count);
            var next = _epoch + 1;
            Volatile.Read(ref _segments)[slot >> DonorSegment.Shift].Died[slot & DonorSegment.Mask] = next;
            Volatile.Write(ref _epoch, next);
            return true;
        }
    }

    private bool SlotHolds(int slot, in PreparedDonor donor)
    {
        var segment = _segments[slot >> DonorSegment.Shift];
        var offset = slot & DonorSegment.Mask;
        for (var i = 0; i < LocusCount; i++)
        {
            if (segment.Pairs[i][offset] != donor.Pairs[i]) return false;
        }
        return segment.BirthDays[offset] == donor.BirthDay && segment.Attributes[offset] == donor.Attributes
            && segment.Regions[offset] == donor.Region;
    }

    private Guid DonorIdOfSlot(int slot) => _segments[slot >> DonorSegment.Shift].DonorIds[slot & DonorSegment.Mask];

    private PreparedDonor Prepare(Guid donorId, Genotype genotype, DonorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(genotype);
        ArgumentNullException.ThrowIfNull(profile);
        var pairs = new LocusPairIds();
        for (var i = 0; i < LocusCount; i++) pairs[i] = _stores[i].InternPair(genotype[(Locus)i]);
        return new PreparedDonor(donorId, pairs, profile.BirthDate.DayNumber, DonorAttributes.Pack(profile), InternRegion(profile.RegionCode));
    }

    private int InternRegion(string? code)
    {
        code ??= "";
        if (_regionIds.TryGetValue(code, out var id)) return id;
        lock (_regions)
        {
            if (_regionIds.TryGetValue(code, out id)) return id;
            id = _regions.Add(code);
            _regionIds[code] = id;
            return id;
        }
    }

    /// <summary>Writes a new slot (under the write lock) and retires the donor's previous slot from epoch <paramref name="died"/>.</summary>
    private void WriteSlot(in PreparedDonor donor, int born, int died)
    {
        var slot = _slotCount;
        var segmentIndex = slot >> DonorSegment.Shift;
        var segments = _segments;
        if (segmentIndex == segments.Length)
        {
            segments = [.. segments, new DonorSegment()];
            Volatile.Write(ref _segments, segments);
        }
        var segment = segments[segmentIndex];
        var offset = slot & DonorSegment.Mask;
        for (var i = 0; i < LocusCount; i++) segment.Pairs[i][offset] = donor.Pairs[i];
        segment.DonorIds[offset] = donor.DonorId;
        segment.BirthDays[offset] = donor.BirthDay;
        segment.Attributes[offset] = donor.Attributes;
        segment.Regions[offset] = donor.Region;
        segment.Born[offset] = born;
        segment.Died[offset] = int.MaxValue;
        Volatile.Write(ref _slotCount, slot + 1);
        if (_slotsById.TryGet(donor.DonorId, out var previous))
        {
            segments[previous >> DonorSegment.Shift].Died[previous & DonorSegment.Mask] = died;
        }
        _slotsById.Set(donor.DonorId, slot);
        Volatile.Write(ref _donorCount, _slotsById.Count);
    }
}
