using System.Collections.Frozen;
using DonationRegistry.Hla.Nomenclature;

namespace DonationRegistry.Hla;

public sealed partial class HlaNomenclature
{
    // Pre-2010 names had no colons: two digits per field (A*02010101), with the C locus written Cw. Nomenclature_2009.txt maps each
    // full old name to its April-2010 name; a shorter old name (A*0201) stands for the new names of every full old name it starts.
    private int[] ResolvePre2010(string token, string gene, string rest)
    {
        foreach (var oldName in OldNames(gene, rest))
        {
            if (_release.Pre2010Names.TryGetValue(oldName, out var newName))
            {
                if (newName is null)
                {
                    var deleted = _release.DeletedAlleles.GetValueOrDefault(oldName);
                    throw new HlaTypingException(token, "pre-2010 name that was not carried into the 2010 nomenclature",
                        FollowReplacement(deleted?.Replacement));
                }
                return ResolveAlleleName(token, AlleleName.Parse(newName));
            }
            if (_pre2010Prefixes.TryGetValue(oldName, out var newNames))
            {
                var alleles = new HashSet<int>();
                foreach (var name in newNames)
                {
                    if (_byPrefix.TryGetValue(name, out var ids)) alleles.UnionWith(ids);
                }
                if (alleles.Count > 0) return [.. alleles];
            }
            if (_release.DeletedAlleles.TryGetValue(oldName, out var gone))
            {
                throw new HlaTypingException(token, $"allele {oldName} was deleted from the nomenclature ({gone.Reason})", FollowReplacement(gone.Replacement));
            }
        }

        // Not in the table (or the release has none): split the digits into fields (4 → 2+2, 5 → 2+3, 6 → 2+2+2, 7 → 2+3+2, 8 → 2+2+2+2).
        var suffix = char.IsAsciiLetter(rest[^1]) ? rest[^1].ToString() : "";
        var digits = suffix.Length > 0 ? rest[..^1] : rest;
        int[]? widths = digits.Length switch
        {
            4 => [2, 2],
            5 => [2, 3],
            6 => [2, 2, 2],
            7 => [2, 3, 2],
            8 => [2, 2, 2, 2],
            _ => null,
        };
        if (widths is null) throw new HlaTypingException(token, "malformed pre-2010 name: 4 to 8 digits expected");
        var fields = new List<string>();
        var at = 0;
        foreach (var width in widths)
        {
            fields.Add(digits.Substring(at, width));
            at += width;
        }
        var split = AlleleName.Parse(gene + "*" + string.Join(':', fields) + suffix);
        return ResolveAlleleName(token, split);
    }

    private static IEnumerable<string> OldNames(string gene, string rest)
    {
        if (gene == "C") yield return "Cw*" + rest;
        yield return gene + "*" + rest;
    }

    private static FrozenDictionary<string, string[]> BuildPre2010Prefixes(ImgtRelease release)
    {
        var prefixes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (oldName, newName) in release.Pre2010Names)
        {
            if (newName is null) continue;
            var star = oldName.IndexOf('*', StringComparison.Ordinal);
            var digits = oldName[(star + 1)..].TrimEnd(AlleleName.Suffixes.ToCharArray());
            if (digits.Length % 2 != 0 || !digits.All(char.IsAsciiDigit)) continue;
            var parsed = AlleleName.Parse(newName);
            for (var length = 4; length < digits.Length; length += 2)
            {
                var key = oldName[..(star + 1)] + digits[..length];
                if (!prefixes.TryGetValue(key, out var set)) prefixes[key] = set = new HashSet<string>(StringComparer.Ordinal);
                var kept = Math.Min(length / 2, parsed.Fields.Length);
                set.Add(parsed.Gene + "*" + string.Join(':', parsed.Fields, 0, kept));
            }
        }
        return prefixes.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
