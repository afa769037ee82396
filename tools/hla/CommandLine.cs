namespace DonationRegistry.Hla.Tool;

/// <summary>
/// The options of one command: <c>--name value</c> or <c>--name=value</c>, plus <c>--help</c>/<c>-h</c>. Every option must be
/// one the command knows, given once, with a value; no positional arguments.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values;

    private CommandLine(Dictionary<string, string> values, bool help)
    {
        _values = values;
        Help = help;
    }

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool Help { get; }

    /// <summary>Parses <paramref name="args"/> against the option names the command accepts (without <c>--</c>).</summary>
    /// <exception cref="UsageException">An unknown, repeated or value-less option, or a positional argument.</exception>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlyCollection<string> known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = false;
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unexpected argument '{arg}' (options are written --name value)");
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option '--{name}' (known: {string.Join(", ", known.Select(k => "--" + k))})");
            }
            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (e.MoveNext())
            {
                value = e.Current;
            }
            else
            {
                throw new UsageException($"option '--{name}' needs a value");
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new UsageException($"option '--{name}' needs a value");
            }
            if (!values.TryAdd(name, value))
            {
                throw new UsageException($"option '--{name}' is given twice");
            }
        }
        return new CommandLine(values, help);
    }

    /// <summary>The value of an option the command requires.</summary>
    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new UsageException($"option '--{name}' is required");

    /// <summary>The value of an optional option, or null.</summary>
    public string? Optional(string name) => _values.GetValueOrDefault(name);
}
