using System.Globalization;

namespace DonationRegistry.Hla.Nomenclature;

/// <summary>
/// Serological antigens of a release: which alleles rel_dna_ser.txt assigns to each antigen, and how antigens relate through
/// rel_ser_ser.txt (broad → splits, antigen → associated antigens). Antigens are named with their serological locus as WHO writes
/// them: <c>A9</c>, <c>B5102</c>, <c>Cw3</c>, <c>DR52</c>, <c>DQ7</c>.
/// </summary>
internal sealed class SerologyTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<List<int>> _alleles = [];
    private readonly Dictionary<int, int[]> _splits = [];
    private readonly Dictionary<int, int> _broadOf = [];
    private readonly Dictionary<int, int[]> _associated = [];
    private readonly Dictionary<int, int> _parentOfAssociated = [];
    private readonly System.Collections.Frozen.FrozenDictionary<string, string?> _deleted;

    public SerologyTable(ImgtRelease release)
    {
        _deleted = release.DeletedAntigens;
        foreach (var relation in release.SerologyRelations)
        {
            var antigen = IdOf(relation.Antigen);
            if (relation.Splits.Count > 0)
            {
                _splits[antigen] = [.. relation.Splits.Select(IdOf)];
                foreach (var split in _splits[antigen]) _broadOf[split] = antigen;
            }
            if (relation.Associated.Count > 0)
            {
                _associated[antigen] = [.. relation.Associated.Select(IdOf)];
                foreach (var associated in _associated[antigen]) _parentOfAssociated[associated] = antigen;
            }
        }
    }

    /// <summary>The serological locus prefix WHO uses for a gene's antigens.</summary>
    public static string PrefixOf(string gene) => gene switch
    {
        "A" => "A",
        "B" => "B",
        "C" => "Cw",
        "DRB1" or "DRB3" or "DRB4" or "DRB5" => "DR",
        "DQB1" or "DQA1" => "DQ",
        "DPB1" or "DPA1" => "DPw",
        _ => gene,
    };

    /// <summary>Reads a written antigen (<c>A1</c>, <c>cw3</c>, <c>C3</c>, <c>DR4</c>) into its WHO name, or null when not shaped like one.</summary>
    public static string? Canonical(string written)
    {
        var i = 0;
        while (i < written.Length && char.IsAsciiLetter(written[i])) i++;
        if (i == 0 || i == written.Length) return null;
        var digits = written[i..];
        if (!digits.All(char.IsAsciiDigit) || digits.Length > 4) return null;
        var prefix = written[..i].ToUpperInvariant() switch
        {
            "A" => "A",
            "B" => "B",
            "C" or "CW" => "Cw",
            "DR" => "DR",
            "DQ" => "DQ",
            "DP" or "DPW" => "DPw",
            "BW" => "Bw",
            "DW" => "Dw",
            _ => null,
        };
        if (prefix is null) return null;
        var number = int.Parse(digits, CultureInfo.InvariantCulture);
        return number == 0 ? null : prefix + number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The matching locus a serological locus prefix types, or null (Bw, Dw).</summary>
    public static Locus? LocusOf(string antigen) =>
        antigen.StartsWith("Cw", StringComparison.Ordinal) ? Locus.C
        : antigen.StartsWith("DR", StringComparison.Ordinal) ? Locus.Drb1
        : antigen.StartsWith("DQ", StringComparison.Ordinal) ? Locus.Dqb1
        : antigen.StartsWith("DPw", StringComparison.Ordinal) ? Locus.Dpb1
        : antigen.StartsWith("Bw", StringComparison.Ordinal) || antigen.StartsWith("Dw", StringComparison.Ordinal) ? null
        : antigen.StartsWith('A') ? Locus.A
        : antigen.StartsWith('B') ? Locus.B
        : null;

    public bool IsDeleted(string antigen, out string? replacement) => _deleted.TryGetValue(antigen, out replacement);

    public int? TryId(string antigen) => _ids.TryGetValue(antigen, out var id) ? id : null;

    public string NameOf(int id) => _names[id];

    /// <summary>Registers an allele's assignment (all four columns, without 0 and ?) and returns its antigen ids.</summary>
    public int[] AntigensOf(int allele, SerologyAssignment assignment, string gene)
    {
        List<int>? ids = null;
        foreach (var column in new[] { assignment.Unambiguous, assignment.Possible, assignment.Assumed, assignment.Expert })
        {
            if (column.Length == 0 || column is "?" or "0") continue;
            foreach (var token in column.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (token is "0" or "?" || !token.All(char.IsAsciiDigit)) continue;
                var id = IdOf(PrefixOf(gene) + int.Parse(token, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                ids ??= [];
                if (!ids.Contains(id)) ids.Add(id);
            }
        }
        if (ids is null) return [];
        ids.Sort();
        foreach (var id in ids) _alleles[id].Add(allele);
        return [.. ids];
    }

    /// <summary>
    /// The alleles a serological typing stands for: those assigned the antigen itself, its splits, its associated antigens and
    /// the associated antigens of its splits.
    /// </summary>
    public IEnumerable<int> Expand(string antigen)
    {
        if (!_ids.TryGetValue(antigen, out var id)) return [];
        var covered = new List<int> { id };
        if (_splits.TryGetValue(id, out var splits))
        {
            covered.AddRange(splits);
            foreach (var split in splits)
            {
                if (_associated.TryGetValue(split, out var ofSplit)) covered.AddRange(ofSplit);
            }
        }
        if (_associated.TryGetValue(id, out var associated)) covered.AddRange(associated);
        return covered.SelectMany(c => _alleles[c]).Distinct();
    }

    /// <summary>
    /// How two antigens relate, best first: the same associated antigen, or an associated antigen and its parent → Associated;
    /// the same split or not-split antigen → Split; the same broad, or a broad and one of its splits (or their associated
    /// antigens) → Broad; otherwise null.
    /// </summary>
    public MatchGrade? Relation(int a, int b)
    {
        if (a == b)
        {
            if (_parentOfAssociated.ContainsKey(a)) return MatchGrade.Associated;
            return _splits.ContainsKey(a) ? MatchGrade.Broad : MatchGrade.Split;
        }
        if (_parentOfAssociated.TryGetValue(a, out var parentA) && parentA == b) return MatchGrade.Associated;
        if (_parentOfAssociated.TryGetValue(b, out var parentB) && parentB == a) return MatchGrade.Associated;
        if (BroadAbove(a) == b || BroadAbove(b) == a) return MatchGrade.Broad;
        return null;
    }

    // The broad an antigen falls under: its own broad as a split, or its parent's broad when it is associated with a split.
    private int? BroadAbove(int antigen)
    {
        if (_broadOf.TryGetValue(antigen, out var broad)) return broad;
        if (_parentOfAssociated.TryGetValue(antigen, out var parent) && _broadOf.TryGetValue(parent, out var parentBroad)) return parentBroad;
        return null;
    }

    private int IdOf(string antigen)
    {
        if (_ids.TryGetValue(antigen, out var id)) return id;
        id = _names.Count;
        _ids[antigen] = id;
        _names.Add(antigen);
        _alleles.Add([]);
        return id;
    }
}
