using System.Text.RegularExpressions;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// The patient typing as people enter it, two fields per locus, checked as it is typed (the service still interprets it against
/// the IMGT/HLA release), and joined into the GL String the HSC service takes ("A*02:01+A*11:01^B*…").
/// </summary>
public static partial class HscTyping
{
    /// <summary>The loci of the entry form; A, B and DRB1 are required for a search.</summary>
    public static IReadOnlyList<string> Loci { get; } = ["A", "B", "C", "DRB1", "DQB1"];

    public static IReadOnlyList<string> Required { get; } = ["A", "B", "DRB1"];

    /// <summary>A patient typing that matches the demo donors (two common Han Chinese haplotypes), for trying the page.</summary>
    public static IReadOnlyDictionary<string, (string, string)> Example { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["A"] = ("A*30:01", "A*02:07"),
        ["B"] = ("B*13:02", "B*46:01"),
        ["C"] = ("C*06:02", "C*01:02"),
        ["DRB1"] = ("DRB1*07:01", "DRB1*09:01"),
        ["DQB1"] = ("DQB1*02:02", "DQB1*03:03"),
    };

    /// <summary>Adds the locus when only the fields were typed ("02:01" at A → "A*02:01") and drops spaces and the "HLA-" prefix.</summary>
    public static string Normalise(string locus, string? text)
    {
        var t = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (t.StartsWith("HLA-", StringComparison.Ordinal))
        {
            t = t[4..];
        }
        return string.Join('/', t.Split('/').Select(part => part.Length > 0 && char.IsAsciiDigit(part[0]) ? locus + "*" + part : part));
    }

    /// <summary>The localisation key of what is wrong with one field, or null when it reads as a typing of the locus (or is empty).</summary>
    public static string? ErrorKey(string locus, string? text)
    {
        var t = Normalise(locus, text);
        if (t.Length == 0)
        {
            return null;
        }
        foreach (var part in t.Split('/'))
        {
            var star = part.IndexOf('*', StringComparison.Ordinal);
            if (star > 0 && !string.Equals(part[..star], locus, StringComparison.Ordinal))
            {
                return "Hsc.Typing.WrongLocus";
            }
            if (!Molecular().IsMatch(part))
            {
                return "Hsc.Typing.Format";
            }
        }
        return null;
    }

    /// <summary>The GL String of the entered fields: a locus with one field is read as homozygous; untyped loci are left out.</summary>
    public static string GlString(IReadOnlyDictionary<string, (string First, string Second)> fields) =>
        string.Join('^', Loci
            .Where(l => fields.TryGetValue(l, out var f) && (Normalise(l, f.First).Length > 0 || Normalise(l, f.Second).Length > 0))
            .Select(l =>
            {
                var first = Normalise(l, fields[l].First);
                var second = Normalise(l, fields[l].Second);
                return (first.Length > 0 ? first : second) + "+" + (second.Length > 0 ? second : first);
            }));

    // Locus*field(:field|:MAC letters){0,3} with an optional expression suffix, e.g. A*02:01, A*02:01:01:01N, A*01:AB, A*02:XX.
    [GeneratedRegex(@"^(A|B|C|DRB1|DRB3|DRB4|DRB5|DQA1|DQB1|DPA1|DPB1)\*\d{2,3}(:(\d{2,3}|[A-Z]{2,5}))?(:\d{2,3}){0,2}[NLSCAQ]?$")]
    private static partial Regex Molecular();
}
