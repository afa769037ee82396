using System.Text;

namespace DonationRegistry.Hla.Tool;

/// <summary>
/// <c>hla reduce</c>: one typing per line in, <c>typing&lt;TAB&gt;result</c> or <c>typing&lt;TAB&gt;ERROR&lt;TAB&gt;reason</c> out,
/// streamed line by line. A line may be a single typing or allele string, or a GL String (each typing between <c>^ | + ~</c> is
/// reduced and the delimiters kept). Blank lines are skipped. A bad line never stops the run.
/// </summary>
internal static class ReduceCommand
{
    public static readonly string[] Options = ["release", "to", "mac"];

    // Bulk files repeat the same typings a lot; remembering answers (bounded) saves re-resolving them.
    private const int CacheLimit = 200_000;

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
    public static int Run(HlaNomenclature nomenclature, ReductionTarget target, TextReader input, TextWriter output)
    {
        var cache = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = 0;
        while (input.ReadLine() is { } line)
        {
            var typing = line.Trim();
            if (typing.Length == 0) continue;
            if (!cache.TryGetValue(typing, out var answer))
            {
                try
                {
                    answer = Reduce(nomenclature, typing, target);
                }
                catch (HlaTypingException error)
                {
                    // One line, one row: a reason never carries a tab or a line break into the output.
                    answer = "ERROR\t" + OneLine(error.Message);
                }
                if (cache.Count < CacheLimit) cache[typing] = answer;
            }
            if (answer.StartsWith("ERROR\t", StringComparison.Ordinal)) errors++;
            output.Write(typing);
            output.Write('\t');
            output.WriteLine(answer);
        }
        return errors;
    }

    /// <summary>Reduces one line: a typing, an allele string or a GL String.</summary>
    public static string Reduce(HlaNomenclature nomenclature, string text, ReductionTarget target)
    {
        if (text.AsSpan().IndexOfAny("^|+~") < 0)
        {
            return nomenclature.Reduce(text, target);
        }
        var result = new StringBuilder(text.Length * 2);
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
            result.Append(nomenclature.Reduce(part, target));
            if (i < text.Length) result.Append(text[i]);
            start = i + 1;
        }
        return result.ToString();
    }

    private static string OneLine(string text) =>
        text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
