using System.Text;

namespace DonationRegistry.Hla.Tool;

/// <summary>
/// <c>hla reduce</c>: one typing per line in, <c>typing&lt;TAB&gt;result</c> or <c>typing&lt;TAB&gt;ERROR&lt;TAB&gt;reason</c> out,
/// streamed line by line. A line may be a single typing or allele string, or a GL String (each typing between <c>^ | + ~</c> is
/// reduced and the delimiters kept). Blank lines are skipped. A bad line never stops the run.
/// </summary>
internal sealed class ReduceCommand
{
    public static readonly string[] Options = ["release", "to", "mac"];

    // Bulk files repeat the same typings a lot (a registry has a few thousand distinct ones per locus); answers are remembered per
    // typing, bounded by count and by characters (a G reduction of an XX code is kilobytes long).
    private const int CacheEntries = 500_000;
    private const long CacheCharacters = 64L * 1024 * 1024;

    private readonly HlaNomenclature _nomenclature;
    private readonly ReductionTarget _target;
    private readonly Dictionary<string, object> _cache = new(StringComparer.Ordinal); // typing → reduced text or its error
    private readonly StringBuilder _line = new(256);
    private long _cachedCharacters;

    public ReduceCommand(HlaNomenclature nomenclature, ReductionTarget target)
    {
        _nomenclature = nomenclature;
        _target = target;
    }

    public static ReductionTarget ParseTarget(string written) => written.ToUpperInvariant() switch
    {
        "G" => ReductionTarget.G,
        "P" => ReductionTarget.P,
        "LG" => ReductionTarget.Lg,
        "LGX" => ReductionTarget.Lgx,
        "S" or "SEROLOGY" => ReductionTarget.Serology,
        _ => throw new UsageException($"--to must be G, P, lg, lgx or S, not '{written}'"),
    };

    /// <summary>Reduces every line of <paramref name="input"/>; returns the number of lines that gave an error.</summary>
    public int Run(TextReader input, TextWriter output)
    {
        var errors = 0;
        while (input.ReadLine() is { } line)
        {
            var typing = line.Trim();
            if (typing.Length == 0) continue;
            output.Write(typing);
            output.Write('\t');
            try
            {
                output.WriteLine(Reduce(typing));
            }
            catch (HlaTypingException error)
            {
                errors++;
                output.Write("ERROR\t");
                // One line, one row: a reason never carries a tab or a line break into the output.
                output.WriteLine(error.Message.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '));
            }
        }
        return errors;
    }

    /// <summary>Reduces one line: a typing, an allele string or a GL String.</summary>
    /// <exception cref="HlaTypingException">Any typing of the line cannot be interpreted.</exception>
    public string Reduce(string text)
    {
        if (text.AsSpan().IndexOfAny("^|+~") < 0)
        {
            return ReduceTyping(text);
        }
        _line.Clear();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('^' or '|' or '+' or '~')) continue;
            var part = text[start..i].Trim();
            if (part.Length == 0)
            {
                var near = i < text.Length ? text[i] : text[^1];
                throw new HlaTypingException(text, $"empty typing beside '{near}'");
            }
            _line.Append(ReduceTyping(part));
            if (i < text.Length) _line.Append(text[i]);
            start = i + 1;
        }
        return _line.ToString();
    }

    private string ReduceTyping(string typing)
    {
        if (!_cache.TryGetValue(typing, out var answer))
        {
            try
            {
                answer = _nomenclature.Reduce(typing, _target);
            }
            catch (HlaTypingException error)
            {
                answer = error;
            }
            var size = answer is string text ? text.Length : 64;
            if (_cache.Count < CacheEntries && _cachedCharacters + size <= CacheCharacters)
            {
                _cache[typing] = answer;
                _cachedCharacters += size;
            }
        }
        return answer is HlaTypingException failure
            ? throw new HlaTypingException(failure.Token, failure.Reason, failure.Replacement)
            : (string)answer;
    }
}
