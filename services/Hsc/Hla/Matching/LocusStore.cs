using System.Collections.Concurrent;

namespace DonationRegistry.Hla.Matching;

/// <summary>
/// The distinct typings and locus typings (pairs) of one locus. Donors hold a pair id per locus; pair id 0 means untyped. Interning
/// is thread-safe (bulk build interns in parallel); reads are lock-free.
/// </summary>
internal sealed class LocusStore
{
    public const int Untyped = 0;
    private const int ReferenceCacheLimit = 262_144;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<PositionTyping, int> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<PositionTyping, int> _byValue = new(PositionTypingComparer.Instance);
    private readonly ConcurrentDictionary<long, int> _pairIds = new();
    private int _maxPGroup = -1;
    private int _referenceCacheCount;

    public LocusStore(Locus locus)
    {
        Locus = locus;
        Pairs.Add(new InternedPair(-1, -1, -1, -1, null!));
    }

    public Locus Locus { get; }

    public AppendOnlyList<InternedTyping> Typings { get; } = new();

    public AppendOnlyList<InternedPair> Pairs { get; } = new();

    /// <summary>The largest P-group id any interned typing holds (-1 when none).</summary>
    public int MaxPGroup => Volatile.Read(ref _maxPGroup);

    public int InternPair(LocusTyping? typing)
    {
        if (typing is null) return Untyped;
        var first = InternTyping(typing.First);
        var second = InternTyping(typing.Second);
        var key = ((long)first << 32) | (uint)second;
        if (_pairIds.TryGetValue(key, out var id)) return id;
        lock (_gate)
        {
            if (_pairIds.TryGetValue(key, out id)) return id;
            var typings = Typings.Items;
            var a = typings[first];
            var b = typings[second];
            var (effective1, effective2) = (a.Typing.IsNull, b.Typing.IsNull) switch
            {
                (true, false) => (second, second),
                (false, true) => (first, first),
                _ => (first, second),
            };
            id = Pairs.Add(new InternedPair(first, second, effective1, effective2, new LocusTyping(a.Typing, b.Typing)));
            _pairIds[key] = id;
            return id;
        }
    }

    private int InternTyping(PositionTyping typing)
    {
        if (typing.Locus != Locus)
            throw new ArgumentException($"A {Loci.Name(typing.Locus)} typing ('{typing.Written}') was given for locus {Loci.Name(Locus)}.", nameof(typing));
        if (_byReference.TryGetValue(typing, out var id)) return id;
        if (!_byValue.TryGetValue(typing, out id))
        {
            lock (_gate)
            {
                if (!_byValue.TryGetValue(typing, out id))
                {
                    var groups = typing.PGroups.IsDefault ? [] : typing.PGroups.Distinct().Order().ToArray();
                    id = Typings.Add(new InternedTyping(typing, groups));
                    if (groups.Length > 0 && groups[^1] > _maxPGroup) Volatile.Write(ref _maxPGroup, groups[^1]);
                    _byValue[typing] = id;
                }
            }
        }
        // ConcurrentDictionary.Count takes every lock, so the cache size is counted here.
        if (Volatile.Read(ref _referenceCacheCount) < ReferenceCacheLimit && _byReference.TryAdd(typing, id))
            Interlocked.Increment(ref _referenceCacheCount);
        return id;
    }
}
