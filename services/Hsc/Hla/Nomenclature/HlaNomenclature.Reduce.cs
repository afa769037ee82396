using DonationRegistry.Hla.Nomenclature;

namespace DonationRegistry.Hla;

public sealed partial class HlaNomenclature
{
    /// <summary>
    /// Reduces a typing of any locus of the release (a single typing or an allele string, any form <see cref="Interpret(Locus, string)"/>
    /// reads) to <paramref name="target"/>: every allele it stands for is reduced, and the distinct results are joined with
    /// <c>/</c> in IMGT order (fields compared as numbers). Rules per allele:
    /// <list type="bullet">
    /// <item>G: its G group, else its name cut to three fields, suffix kept (as hla_nom_g.txt lists alleles in no group).</item>
    /// <item>P: its P group, else its name cut to two fields, suffix kept (as hla_nom_p.txt lists them). Null alleles have no
    /// P group (WMDA): they give their two-field name with N, e.g. A*01:01:01:02N → A*01:01N.</item>
    /// <item>Lgx: the two fields of its P group (A*01:01P → A*01:01), else its two-field name; nulls as for P.</item>
    /// <item>Lg: Lgx with a <c>g</c> suffix for expressing alleles (A*01:01g); null alleles are kept as their two-field N name.</item>
    /// <item>Serology: every antigen rel_dna_ser.txt assigns it (unambiguous, possible, assumed and expert columns) named with its
    /// serological locus (A1, Cw7, DR52); <c>null</c> when its only assignment is 0 (not expressed); <c>unknown</c> when IMGT
    /// gives no serological equivalent (<c>?</c> or nothing, e.g. most DPB1 and all non-classical genes).</item>
    /// </list>
    /// </summary>
    /// <exception cref="HlaTypingException">The typing cannot be interpreted.</exception>
    public string Reduce(string typing, ReductionTarget target)
    {
        ArgumentNullException.ThrowIfNull(typing);
        var resolved = Resolve(typing, null);
        var results = new SortedSet<string>(NaturalNameComparer.Instance);
        foreach (var id in resolved.Alleles)
        {
            switch (target)
            {
                case ReductionTarget.G:
                    results.Add(_gName[id]);
                    break;
                case ReductionTarget.P:
                    results.Add(_pName[id]);
                    break;
                case ReductionTarget.Lgx:
                    results.Add(TwoFieldGroup(id));
                    break;
                case ReductionTarget.Lg:
                    results.Add(_isNull[id] ? TwoFieldGroup(id) : TwoFieldGroup(id) + "g");
                    break;
                case ReductionTarget.Serology:
                    AddSerology(id, results);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(target));
            }
        }
        return string.Join('/', results);
    }

    private string TwoFieldGroup(int id)
    {
        var p = _pName[id];
        return p.EndsWith('P') ? p[..^1] : p;
    }

    private void AddSerology(int id, SortedSet<string> results)
    {
        if (_antigens[id].Length > 0)
        {
            foreach (var antigen in _antigens[id]) results.Add(_serology.NameOf(antigen));
            return;
        }
        var assignment = _release.Alleles[id].Serology;
        var saysNull = new[] { assignment.Unambiguous, assignment.Possible, assignment.Assumed, assignment.Expert }
            .Any(column => column.Split('/').Contains("0"));
        results.Add(saysNull ? "null" : "unknown");
    }
}
