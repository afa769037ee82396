using System.Collections.Frozen;
using DonationRegistry.Hla.Nomenclature;

namespace DonationRegistry.Hla;

public sealed partial class HlaNomenclature
{
    /// <summary>
    /// The DPB1 T-cell-epitope group (1, 2 or 3) of an allele from dpb_tce.csv: the V2 assignment, else V1 (a trailing <c>$</c>,
    /// "predicted", and a sub-group letter such as <c>2a</c> are dropped); looked up by full allele name, else by its two-field
    /// protein. Null for null alleles (assignment 0), alleles the file does not list, and releases without the file.
    /// </summary>
    public int? TceGroup(string allele)
    {
        ArgumentNullException.ThrowIfNull(allele);
        var name = StripHla(allele.Trim());
        if (_tceByAllele.TryGetValue(name, out var group)) return group;
        if (!name.Contains('*', StringComparison.Ordinal)) return null;
        var parsed = AlleleName.Parse(name);
        if (parsed.Fields.Length < 2) return null;
        return _tceByProtein.TryGetValue(parsed.Gene + "*" + parsed.Fields[0] + ":" + parsed.Fields[1], out var byProtein) ? byProtein : null;
    }

    /// <summary>The TCE group of a DPB1 position when all its expressing candidate alleles agree on one, else null.</summary>
    public int? TceGroup(PositionTyping dpb1)
    {
        ArgumentNullException.ThrowIfNull(dpb1);
        return dpb1.Locus == Locus.Dpb1 ? Profile(dpb1).TceGroup : null;
    }

    private int? AgreedTceGroup(List<int> ids)
    {
        int? agreed = null;
        foreach (var id in ids)
        {
            if (_isNull[id]) continue;
            var group = TceGroup(_names[id]);
            if (group is null || (agreed is not null && agreed != group)) return null;
            agreed = group;
        }
        return agreed;
    }

    private static (FrozenDictionary<string, int> ByAllele, FrozenDictionary<string, int> ByProtein) BuildTce(ImgtRelease release)
    {
        var byAllele = new Dictionary<string, int>(StringComparer.Ordinal);
        var byProtein = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var assignment in release.TceAssignments.Values)
        {
            if ((ParseTce(assignment.Version2) ?? ParseTce(assignment.Version1)) is not { } group) continue;
            byAllele[assignment.Allele] = group;
            byProtein.TryAdd(assignment.Protein, group);
        }
        return (byAllele.ToFrozenDictionary(StringComparer.Ordinal), byProtein.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static int? ParseTce(string written) =>
        written.Length > 0 && written[0] is >= '1' and <= '3' ? written[0] - '0' : null;
}
