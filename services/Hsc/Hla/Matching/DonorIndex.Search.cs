using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DonationRegistry.Hla.Matching;

public sealed partial class DonorIndex
{
    /// <summary>A table entry that fails the donor whatever the other loci give (more than any total allowed).</summary>
    private const byte Reject = 16;
    private const int ParallelScanThreshold = 2 * DonorSegment.Size;
    private const int MatchedLocusCount = 5;

    /// <summary>
    /// Runs a search against the donors current when it starts: every searchable donor that meets the criteria and filters,
    /// scored and ranked (fewer counted mismatches; better confidence, then better grades, summed over the five matched loci;
    /// DPB1 match/permissive before unknown before non-permissive; younger; male; ABO-identical and CMV-same when the patient's are
    /// given; donor id), one page of it returned.
    /// </summary>
    /// <exception cref="ArgumentException">The patient lacks A, B or DRB1, the criteria are out of range, or the paging is invalid.</exception>
    public SearchResult Search(PatientSearch request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var criteria = request.Criteria ?? throw new ArgumentException("Criteria are required.", nameof(request));
        criteria.Validate();
        var patient = request.Patient ?? throw new ArgumentException("The patient's typing is required.", nameof(request));
        foreach (var required in (ReadOnlySpan<Locus>)[Locus.A, Locus.B, Locus.Drb1])
        {
            if (patient[required] is null)
                throw new ArgumentException($"The patient must be typed at {Loci.Name(required)}.", nameof(request));
        }
        foreach (var locus in Loci.All)
        {
            if (patient[locus] is { } typing && (typing.First.Locus != locus || typing.Second.Locus != locus))
                throw new ArgumentException($"The patient's {Loci.Name(locus)} holds a typing of another locus.", nameof(request));
        }
        if (request.PageSize is < 1 or > PatientSearch.MaxPageSize)
            throw new ArgumentException($"Page size must be 1–{PatientSearch.MaxPageSize}, not {request.PageSize}.", nameof(request));
        var offset = ParsePageToken(request.PageToken);

        // Snapshot: epoch first, then the slot count, then the arrays (see the class remarks).
        var epoch = Volatile.Read(ref _epoch);
        var slotCount = Volatile.Read(ref _slotCount);
        var segments = Volatile.Read(ref _segments);

        var tables = new byte[MatchedLocusCount][];
        for (var i = 0; i < MatchedLocusCount; i++) tables[i] = MismatchTable(_stores[i], patient[(Locus)i], criteria);

        var filter = new CandidateFilter(request, epoch, _regionIds);
        var (candidates, count) = Scan(segments, slotCount, tables, criteria.MaxTotalMismatches, filter);

        var scorer = new ResultScorer(_stores, Grader, request, segments);
        // Keys are pooled: at 3.5 M donors an 8/10 search may rank tens of thousands of donors, and a fresh array that size
        // would land on the large-object heap every search.
        var keys = ArrayPool<RankKey>.Shared.Rent(Math.Max(1, count));
        try
        {
            for (var i = 0; i < count; i++) keys[i] = scorer.Key(candidates[i]);
            var take = (int)Math.Min((long)offset + request.PageSize, count);
            var best = TopSorted(keys, count, take);
            var page = new List<DonorMatch>(Math.Max(0, take - offset));
            for (var i = offset; i < take; i++) page.Add(scorer.Match(best[i], i + 1));
            var next = (long)offset + request.PageSize < count ? (offset + request.PageSize).ToString(CultureInfo.InvariantCulture) : null;
            return new SearchResult(count, page, next);
        }
        finally
        {
            ArrayPool<RankKey>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(candidates);
            scorer.Return();
        }
    }

    /// <summary>Scores one patient/donor pair without an index (ExplainMatch, the <c>hla match</c> tool).</summary>
    internal static DonorMatch ScorePair(Genotype patient, Genotype donor, MatchCriteria criteria, IPositionGrader grader, Guid donorId)
    {
        var loci = new LocusMatch[LocusCount];
        var mismatches = 0;
        for (var i = 0; i < LocusCount; i++)
        {
            var locus = (Locus)i;
            loci[i] = LocusScorer.Score(locus, patient[locus], donor[locus], criteria.Counts(locus), grader);
            if (loci[i].Counted) mismatches += loci[i].MismatchCount;
        }
        return new DonorMatch(donorId, 1, mismatches, loci, LocusScorer.Dpb1(patient[Locus.Dpb1], donor[Locus.Dpb1], grader));
    }

    private static int ParsePageToken(string? token)
    {
        if (string.IsNullOrEmpty(token)) return 0;
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset >= 0) return offset;
        throw new ArgumentException($"'{token}' is not a page token of this search.", nameof(token));
    }

    /// <summary>
    /// The mismatches each distinct locus typing of <paramref name="store"/> has against the patient (Reject when over the locus
    /// limit); all zero when the locus does not count or the patient is untyped there (potential match); entry 0 (donor untyped)
    /// is zero for C and DQB1 and Reject for the required loci.
    /// </summary>
    private static byte[] MismatchTable(LocusStore store, LocusTyping? patient, MatchCriteria criteria)
    {
        var pairCount = store.Pairs.Count;
        var pairs = store.Pairs.Items;
        var table = new byte[pairCount];
        var locus = store.Locus;
        var required = locus is Locus.A or Locus.B or Locus.Drb1;
        if (!criteria.Counts(locus) || patient is null) return table;
        if (required) table[0] = Reject;

        var typingCount = store.Typings.Count;
        var typings = store.Typings.Items;
        var (first, second) = LocusScorer.Effective(patient);
        var bound = Math.Max(store.MaxPGroup, Math.Max(MaxOf(first.PGroups.AsSpan()), MaxOf(second.PGroups.AsSpan()))) + 1;
        var firstSet = new ulong[(bound + 63) >> 6];
        var secondSet = new ulong[(bound + 63) >> 6];
        foreach (var group in first.PGroups) firstSet[group >> 6] |= 1UL << group;
        foreach (var group in second.PGroups) secondSet[group >> 6] |= 1UL << group;

        // Bit 0: the typing shares a P group with the patient's first (effective) position; bit 1: with the second.
        var masks = ArrayPool<byte>.Shared.Rent(typingCount);
        for (var t = 0; t < typingCount; t++)
        {
            var mask = 0;
            foreach (var group in typings[t].PGroups)
            {
                var word = group >> 6;
                var bit = 1UL << group;
                if ((firstSet[word] & bit) != 0) mask |= 1;
                if ((secondSet[word] & bit) != 0) mask |= 2;
                if (mask == 3) break;
            }
            masks[t] = (byte)mask;
        }

        var limit = criteria.MaxMismatchesAt(locus);
        for (var q = 1; q < pairCount; q++)
        {
            var pair = pairs[q];
            int m1 = masks[pair.Effective1], m2 = masks[pair.Effective2];
            var direct = (m1 & 1) + ((m2 >> 1) & 1);
            var crossed = ((m1 >> 1) & 1) + (m2 & 1);
            var mismatches = 2 - Math.Max(direct, crossed);
            table[q] = mismatches <= limit ? (byte)mismatches : Reject;
        }
        ArrayPool<byte>.Shared.Return(masks);
        return table;
    }

    private static int MaxOf(ReadOnlySpan<int> sorted) => sorted.IsEmpty ? -1 : sorted[^1];

    /// <summary>The slots that pass, in a pooled array (return it with <see cref="ArrayPool{T}.Shared"/>).</summary>
    private static (int[] Slots, int Count) Scan(DonorSegment[] segments, int slotCount, byte[][] tables, int maxTotal, CandidateFilter filter)
    {
        var segmentCount = (slotCount + DonorSegment.Mask) >> DonorSegment.Shift;
        var perSegment = new List<int>[segmentCount];
        if (slotCount < ParallelScanThreshold)
        {
            for (var s = 0; s < segmentCount; s++)
            {
                perSegment[s] = [];
                ScanSegment(segments[s], s, slotCount, tables, maxTotal, filter, perSegment[s]);
            }
        }
        else
        {
            Parallel.For(0, segmentCount, s =>
            {
                var found = new List<int>();
                ScanSegment(segments[s], s, slotCount, tables, maxTotal, filter, found);
                perSegment[s] = found;
            });
        }
        var count = perSegment.Sum(list => list.Count);
        var slots = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        var at = 0;
        foreach (var list in perSegment)
        {
            list.CopyTo(slots, at);
            at += list.Count;
        }
        return (slots, count);
    }

    private static void ScanSegment(DonorSegment segment, int segmentIndex, int slotCount, byte[][] tables, int maxTotal,
        CandidateFilter filter, List<int> found)
    {
        var baseSlot = segmentIndex << DonorSegment.Shift;
        var length = Math.Min(DonorSegment.Size, slotCount - baseSlot);
        // Unchecked loads: every pair id below the snapshot's slot count was interned before the table was sized, so it is a
        // valid table index, and i < length <= the column length. The bounds checks were a third of the loop.
        var pairs = segment.Pairs;
        ref var a = ref MemoryMarshal.GetArrayDataReference(pairs[0]);
        ref var b = ref MemoryMarshal.GetArrayDataReference(pairs[1]);
        ref var c = ref MemoryMarshal.GetArrayDataReference(pairs[2]);
        ref var drb1 = ref MemoryMarshal.GetArrayDataReference(pairs[3]);
        ref var dqb1 = ref MemoryMarshal.GetArrayDataReference(pairs[4]);
        ref var ta = ref MemoryMarshal.GetArrayDataReference(tables[0]);
        ref var tb = ref MemoryMarshal.GetArrayDataReference(tables[1]);
        ref var tc = ref MemoryMarshal.GetArrayDataReference(tables[2]);
        ref var tdrb1 = ref MemoryMarshal.GetArrayDataReference(tables[3]);
        ref var tdqb1 = ref MemoryMarshal.GetArrayDataReference(tables[4]);
        if (maxTotal <= 1)
        {
            // A and B first: with at most one mismatch they reject almost every donor, so the other columns are read only for
            // the few that remain (and the branch is well predicted because it is almost always taken).
            for (var i = 0; i < length; i++)
            {
                var total = Unsafe.Add(ref ta, Unsafe.Add(ref a, i)) + Unsafe.Add(ref tb, Unsafe.Add(ref b, i));
                if (total > maxTotal) continue;
                total += Unsafe.Add(ref tdrb1, Unsafe.Add(ref drb1, i)) + Unsafe.Add(ref tc, Unsafe.Add(ref c, i))
                    + Unsafe.Add(ref tdqb1, Unsafe.Add(ref dqb1, i));
                if (total <= maxTotal && filter.Accepts(segment, i)) found.Add(baseSlot + i);
            }
            return;
        }
        // With two or more mismatches allowed, A and B pass too many donors for an early exit to be predictable: sum all five.
        for (var i = 0; i < length; i++)
        {
            var total = Unsafe.Add(ref ta, Unsafe.Add(ref a, i)) + Unsafe.Add(ref tb, Unsafe.Add(ref b, i))
                + Unsafe.Add(ref tdrb1, Unsafe.Add(ref drb1, i)) + Unsafe.Add(ref tc, Unsafe.Add(ref c, i))
                + Unsafe.Add(ref tdqb1, Unsafe.Add(ref dqb1, i));
            if (total <= maxTotal && filter.Accepts(segment, i)) found.Add(baseSlot + i);
        }
    }

    /// <summary>The <paramref name="take"/> smallest of the first <paramref name="count"/> keys, sorted (a bounded heap when that
    /// is much less than all of them).</summary>
    private static RankKey[] TopSorted(RankKey[] keys, int count, int take)
    {
        if (take == 0) return [];
        if (take * 4L >= count)
        {
            Array.Sort(keys, 0, count);
            return keys;
        }
        // Max-heap of the best `take` keys seen so far.
        var heap = new RankKey[take];
        Array.Copy(keys, heap, take);
        for (var i = take / 2 - 1; i >= 0; i--) SiftDown(heap, i, take);
        for (var i = take; i < count; i++)
        {
            if (keys[i] < heap[0])
            {
                heap[0] = keys[i];
                SiftDown(heap, 0, take);
            }
        }
        Array.Sort(heap);
        return heap;
    }

    private static void SiftDown(RankKey[] heap, int index, int count)
    {
        while (true)
        {
            var left = 2 * index + 1;
            if (left >= count) return;
            var largest = left + 1 < count && heap[left + 1] > heap[left] ? left + 1 : left;
            if (heap[largest] <= heap[index]) return;
            (heap[largest], heap[index]) = (heap[index], heap[largest]);
            index = largest;
        }
    }
}
