namespace DonationRegistry.Hosting;

/// <summary>
/// Writes every resource's output lines to the console behind a coloured, fixed-width name prefix (<c>identity  | ...</c>),
/// and the AppHost's own messages behind <c>apphost</c>. Colours only on a terminal and when NO_COLOR is not set.
/// </summary>
internal sealed class ConsoleLog
{
    private const string AppHostName = "apphost";
    private const string Reset = "\u001b[0m";
    private static readonly string[] Colours = ["\u001b[36m", "\u001b[33m", "\u001b[35m", "\u001b[32m", "\u001b[34m", "\u001b[96m", "\u001b[93m", "\u001b[95m"];
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[1;31m";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colourOf = [];
    private readonly int _width;
    private readonly bool _colour;
    private readonly TextWriter _out;

    public ConsoleLog(IEnumerable<string> names, bool enabled)
    {
        var list = names.ToList();
        _width = list.Append(AppHostName).Max(n => n.Length);
        for (var i = 0; i < list.Count; i++)
        {
            _colourOf[list[i]] = Colours[i % Colours.Length];
        }
        _colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        _out = enabled ? Console.Out : TextWriter.Null;
    }

    public void Line(string resource, string line) =>
        Write(resource, _colourOf.GetValueOrDefault(resource, ""), line);

    public void Info(string message) => Write(AppHostName, Bold, message);

    public void Error(string message)
    {
        foreach (var line in message.Split('\n'))
        {
            Write(AppHostName, Red, line.TrimEnd('\r'));
        }
    }

    private void Write(string name, string colour, string line)
    {
        var prefix = name.PadRight(_width) + " | ";
        lock (_gate)
        {
            _out.WriteLine(_colour && colour.Length > 0 ? colour + prefix + Reset + line : prefix + line);
        }
    }
}
