namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Reads the transitions ("A --> B : label") out of a Mermaid stateDiagram-v2, to show a service's state machine as a table.</summary>
public static class MermaidTransitions
{
    public static IEnumerable<(string From, string To, string Label)> Parse(string mermaid)
    {
        foreach (var raw in mermaid.Split('\n'))
        {
            var line = raw.Trim();
            var arrow = line.IndexOf("-->", StringComparison.Ordinal);
            if (arrow <= 0)
            {
                continue;
            }
            var from = line[..arrow].Trim();
            var rest = line[(arrow + 3)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var to = (colon >= 0 ? rest[..colon] : rest).Trim();
            var label = colon >= 0 ? rest[(colon + 1)..].Trim() : "";
            yield return (from, to, label);
        }
    }
}
