using System.Collections.Frozen;

namespace DonationRegistry.Hla;

/// <summary>
/// NMDP multiple-allele codes read from NMDP's published code table (numer.v3.txt layout: header lines, then one code per line,
/// <c>[*]&lt;TAB&gt;CODE&lt;TAB&gt;EXPANSION</c>). An expansion is either "generic", second fields only (<c>01/02</c>, combined with the
/// typing's first field), or a list of full names without gene (<c>01:01/02:01</c>). Lines that are not codes are skipped.
/// </summary>
public sealed class MacTable
{
    private readonly FrozenDictionary<string, string[]> _codes;

    private MacTable(Dictionary<string, string[]> codes) => _codes = codes.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>An empty table (every MAC is then unknown).</summary>
    public static MacTable Empty { get; } = new([]);

    /// <summary>The number of codes.</summary>
    public int Count => _codes.Count;

    /// <summary>Reads a table from a file.</summary>
    public static MacTable Load(string path)
    {
        using var reader = new StreamReader(path);
        return Load(reader);
    }

    /// <summary>Reads a table from text in the published layout.</summary>
    public static MacTable Load(TextReader reader)
    {
        var codes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.TrimStart('*', ' ', '\t').Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !IsCode(parts[0]) || !IsExpansion(parts[1])) continue;
            codes[parts[0]] = parts[1].Split('/', StringSplitOptions.RemoveEmptyEntries);
        }
        return new MacTable(codes);
    }

    /// <summary>The expansion items of a code (<c>01</c>, <c>02</c> or <c>01:01</c>, <c>02:01</c>), when the table has it.</summary>
    public bool TryGetExpansion(string code, out IReadOnlyList<string> items)
    {
        if (_codes.TryGetValue(code, out var found))
        {
            items = found;
            return true;
        }
        items = [];
        return false;
    }

    /// <summary>True for text shaped like a MAC: 2–5 upper-case letters, not the reserved XX.</summary>
    public static bool IsCode(string text) =>
        text.Length is >= 2 and <= 5 && text.All(c => c is >= 'A' and <= 'Z') && text != "XX";

    private static bool IsExpansion(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is ':' or '/' || char.IsAsciiLetterUpper(c))
        && char.IsAsciiDigit(text[0]);
}
