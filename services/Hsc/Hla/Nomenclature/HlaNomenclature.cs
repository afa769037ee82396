using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using DonationRegistry.Hla.Nomenclature;
using DonationRegistry.Hla.Release;

namespace DonationRegistry.Hla;

/// <summary>
/// The HLA nomenclature of one IMGT/HLA release (plus an optional NMDP MAC table): interprets every typing form into the alleles
/// and P groups it may stand for, parses GL Strings, reduces typings to G/P/lg/lgx/serology, and grades position matches.
/// Thread-safe; built once per release (a second or so) and shared. Interpretations are cached by locus and text, so the millions
/// of donor typings of a registry cost one dictionary look-up each after the first of their kind.
/// </summary>
public sealed partial class HlaNomenclature
{
    private readonly ImgtRelease _release;
    private readonly MacTable _macs;

    // Per allele, indexed like _release.Alleles.
    private readonly string[] _names;
    private readonly string[] _genes;
    private readonly bool[] _isNull;
    private readonly bool[] _fullGenomic;
    private readonly string[] _gName;      // G group name, or the three-field name when in no G group
    private readonly string[] _pName;      // P group name, or the two-field name with suffix when in no P group
    private readonly int[] _gKey;          // dense id of _gName
    private readonly int[] _proteinKey;    // dense id of the two-field name with suffix
    private readonly int[] _pId;           // per-locus P-group id (matching loci, expressing alleles), else -1
    private readonly int[][] _antigens;    // serological antigen ids assigned by rel_dna_ser (all four columns)

    // Plain dictionaries, never written after construction (safe for concurrent reads): freezing 100k keys costs more than it saves.
    private readonly Dictionary<string, int> _byName;
    private readonly Dictionary<string, int[]> _byPrefix;   // "A*01", "A*01:01", … (no suffix) → allele ids
    private readonly Dictionary<string, int[]> _gGroups;
    private readonly Dictionary<string, int[]> _pGroups;
    private readonly FrozenSet<string> _genesKnown;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _geneSpellings; // "a", "CW", "drb1" → gene
    private readonly FrozenDictionary<string, string[]> _pre2010Prefixes; // "A*0201" → new names at the fields it covers
    private readonly string[][] _pGroupNames;                           // per Locus: id → name
    private readonly SerologyTable _serology;
    private readonly FrozenDictionary<string, int> _tceByAllele;
    private readonly FrozenDictionary<string, int> _tceByProtein;

    // Per locus: typing text → PositionTyping, or the HlaTypingException it gave.
    private readonly ConcurrentDictionary<string, object>[] _interpretations =
        [.. Enumerable.Range(0, Loci.All.Count).Select(_ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal))];
    private readonly ConditionalWeakTable<PositionTyping, TypingProfile> _profiles = [];

    public HlaNomenclature(ImgtRelease release, MacTable? macs = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        _release = release;
        _macs = macs ?? MacTable.Empty;
        var count = release.Alleles.Length;
        _names = new string[count];
        _genes = new string[count];
        _isNull = new bool[count];
        _fullGenomic = new bool[count];
        _gName = new string[count];
        _pName = new string[count];
        _gKey = new int[count];
        _proteinKey = new int[count];
        _pId = new int[count];
        _antigens = new int[count][];

        var byName = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, List<int>>(count * 2, StringComparer.Ordinal);
        var gGroups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var pGroups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var gKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var proteinKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var genes = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var id = 0; id < count; id++)
        {
            var allele = release.Alleles[id];
            var name = allele.Name;
            var parsed = AlleleName.Parse(name);
            var gene = genes.TryGetValue(parsed.Gene, out var interned) ? interned : genes[parsed.Gene] = parsed.Gene;
            _names[id] = name;
            _genes[id] = gene;
            _isNull[id] = allele.IsNull;
            _fullGenomic[id] = allele.FullGenomic == true;
            var protein = parsed.Fields.Length <= 2 ? name : parsed.Truncate(2);
            _gName[id] = allele.GGroup ?? (parsed.Fields.Length <= 3 ? name : parsed.Truncate(3));
            _pName[id] = allele.PGroup ?? protein;
            _gKey[id] = KeyOf(gKeys, _gName[id]);
            _proteinKey[id] = KeyOf(proteinKeys, protein);
            _pId[id] = -1;
            byName[name] = id;
            // Prefixes at every field boundary, cut from the name itself: "A*01", "A*01:01", …, the name without its suffix.
            var stemLength = parsed.Suffix is null ? name.Length : name.Length - 1;
            for (var at = name.IndexOf(':', StringComparison.Ordinal); at > 0; at = name.IndexOf(':', at + 1))
            {
                Add(byPrefix, name[..at], id);
            }
            Add(byPrefix, stemLength == name.Length ? name : name[..stemLength], id);
            if (allele.GGroup is not null) Add(gGroups, allele.GGroup, id);
            if (allele.PGroup is not null) Add(pGroups, allele.PGroup, id);
        }

        _byName = byName;
        _byPrefix = byPrefix.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _gGroups = gGroups.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _pGroups = pGroups.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _genesKnown = genes.Keys.ToFrozenSet(StringComparer.Ordinal);
        var spellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Cw"] = "C" };
        foreach (var gene in genes.Keys) spellings[gene] = gene;
        _geneSpellings = spellings.GetAlternateLookup<ReadOnlySpan<char>>();

        // P-group ids per matching locus, numbered in IMGT name order.
        var pKeys = new HashSet<string>[Loci.All.Count];
        for (var l = 0; l < pKeys.Length; l++) pKeys[l] = new HashSet<string>(StringComparer.Ordinal);
        for (var id = 0; id < count; id++)
        {
            if (!_isNull[id] && LocusOfGene(_genes[id]) is { } locus) pKeys[(int)locus].Add(_pName[id]);
        }
        _pGroupNames = new string[Loci.All.Count][];
        var numbering = new Dictionary<string, int>[Loci.All.Count];
        for (var l = 0; l < pKeys.Length; l++)
        {
            var names = pKeys[l].ToArray();
            Array.Sort(names, NaturalNameComparer.Instance);
            _pGroupNames[l] = names;
            numbering[l] = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++) numbering[l][names[i]] = i;
        }
        for (var id = 0; id < count; id++)
        {
            if (!_isNull[id] && LocusOfGene(_genes[id]) is { } locus) _pId[id] = numbering[(int)locus][_pName[id]];
        }

        _serology = new SerologyTable(release);
        for (var id = 0; id < count; id++) _antigens[id] = _serology.AntigensOf(id, release.Alleles[id].Serology, _genes[id]);

        _pre2010Prefixes = BuildPre2010Prefixes(release);
        (_tceByAllele, _tceByProtein) = BuildTce(release);
    }

    /// <summary>Loads the release in <paramref name="folder"/> (see <see cref="ImgtReleaseLoader"/>) and builds its nomenclature.</summary>
    public static HlaNomenclature LoadFolder(string folder, MacTable? macs = null) => new(ImgtReleaseLoader.Load(folder), macs);

    /// <summary>The release version, e.g. <c>3.58.0</c>.</summary>
    public string Release => _release.Version;

    /// <summary>The loaded release.</summary>
    public ImgtRelease Data => _release;

    /// <summary>The MAC table in use (empty when none was given).</summary>
    public MacTable Macs => _macs;

    /// <summary>
    /// The size of the locus's P-group id space used in <see cref="PositionTyping.PGroups"/>: ids are dense 0..n-1, one per P group
    /// of hla_nom_p.txt and one per two-field protein of an expressing allele in no P group; numbered in IMGT name order, so
    /// deterministic for a release.
    /// </summary>
    public int PGroupCount(Locus locus) => _pGroupNames[(int)locus].Length;

    /// <summary>The name behind a P-group id: a P group (<c>A*01:01P</c>) or a two-field protein in no P group (<c>A*01:06</c>).</summary>
    public string PGroupName(Locus locus, int id) => _pGroupNames[(int)locus][id];

    private static int KeyOf(Dictionary<string, int> keys, string key)
    {
        if (keys.TryGetValue(key, out var found)) return found;
        var next = keys.Count;
        keys[key] = next;
        return next;
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int id)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(id);
    }
}
