namespace DonationRegistry.Hla;

/// <summary>
/// NMDP multiple-allele codes read from NMDP's published code table (numer.v3.txt layout: header lines, then one code per line,
/// <c>[*]&lt;TAB&gt;CODE&lt;TAB&gt;EXPANSION</c>). An expansion is either "generic", second fields only (<c>01/02</c>, combined with the
/// typing's first field), or a list of full names without gene (<c>01:01/02:01</c>). Lines that are not codes are skipped.
/// </summary>
public sealed class MacTable
{
    // Code → expansion as written. Never written after construction (safe for concurrent reads). NMDP's full table has hundreds
    // of thousands of codes: expansions are split when asked for (interpretations are cached, so once per code and first field).
    private readonly Dictionary<string, string> _codes;

    private MacTable(Dictionary<string, string> codes) => _codes = codes;

    /// <summary>An empty table (every MAC is then unknown).</summary>
    public static MacTable Empty { get; } = new([]);

    /// <summary>The number of codes.</summary>
    public int Count => _codes.Count;

    /// <summary>Reads a table from a file.</summary>
    public static MacTable Load(string path)
    {
        using var reader = new StreamReader(path, new FileStreamOptions { BufferSize = 1 << 16 });
        return Load(reader);
    }

    /// <summary>Reads a table from text in the published layout.</summary>
    public static MacTable Load(TextReader reader)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var rest = line.AsSpan().TrimStart("* \t");
            var gap = rest.IndexOfAny(' ', '\t');
            if (gap < 0) continue;
            var code = rest[..gap];
            var expansion = rest[gap..].Trim();
            if (!IsCode(code) || !IsExpansion(expansion)) continue;
            codes[code.ToString()] = expansion.ToString();
        }
        return new MacTable(codes);
    }

    /// <summary>The expansion items of a code (<c>01</c>, <c>02</c> or <c>01:01</c>, <c>02:01</c>), when the table has it.</summary>
    public bool TryGetExpansion(string code, out IReadOnlyList<string> items)
    {
        if (_codes.TryGetValue(code, out var found))
        {
            items = found.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return true;
        }
        items = [];
        return false;
    }

    /// <summary>True for text shaped like a MAC: 2–5 upper-case letters, not the reserved XX.</summary>
    public static bool IsCode(string text) => IsCode(text.AsSpan());

    private static bool IsCode(ReadOnlySpan<char> text) =>
        text.Length is >= 2 and <= 5 && !text.ContainsAnyExceptInRange('A', 'Z') && !text.SequenceEqual("XX");

    // Digits, ':' and '/' (and expression suffixes), starting with a digit: never the header's "SUBTYPE".
    private static bool IsExpansion(ReadOnlySpan<char> text) =>
        text.Length > 0 && char.IsAsciiDigit(text[0]) && !text.ContainsAnyExcept(ExpansionChars);

    private static readonly System.Buffers.SearchValues<char> ExpansionChars =
        System.Buffers.SearchValues.Create("0123456789:/ABCDEFGHIJKLMNOPQRSTUVWXYZ");
}
