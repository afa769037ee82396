using System.Text.RegularExpressions;

namespace DonationRegistry.SystemTests;

/// <summary>
/// Picks the error entries out of the AppHost's interleaved output. The services log through the console logger: an entry starts
/// with <c>fail: Category[id]</c> (or <c>crit:</c>) and goes on with indented lines (message, exception, stack trace); the lines
/// of several resources interleave, so an entry is followed per resource.
/// </summary>
public static partial class LogEntries
{
    public static IEnumerable<string> Errors(IEnumerable<string> lines, string separator)
    {
        var open = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = Colour().Replace(raw.TrimEnd('\r'), "");
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var resource = line[..at].Trim();
            var text = line[(at + separator.Length)..];
            if (text.StartsWith(' ') && open.TryGetValue(resource, out var entry))
            {
                entry.Add(text);
                continue;
            }
            if (open.Remove(resource, out var finished))
            {
                yield return string.Join('\n', finished);
            }
            if (text.StartsWith("fail: ", StringComparison.Ordinal) || text.StartsWith("crit: ", StringComparison.Ordinal))
            {
                open[resource] = [resource + separator + text];
            }
        }
        foreach (var rest in open.Values)
        {
            yield return string.Join('\n', rest);
        }
    }

    /// <summary>The AppHost colours the names when the test process writes to a terminal.</summary>
    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Colour();
}
