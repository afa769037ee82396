using System.Globalization;
using System.Text;

namespace DonationRegistry.SystemTests;

/// <summary>
/// Every resource's output (PostgreSQL, RabbitMQ and each service; restarted processes too) in one file that outlives the run,
/// each line behind its resource's name as the AppHost prints it (<c>registration | fail: ...</c>). An INTERNAL answer carries
/// only a trace reference; the exception behind it is here. The folder is <c>SYSTEM_TESTS_LOG_DIR</c> (./test.sh passes its
/// results folder), else <c>donationregistry-system-logs</c> in the temp folder.
/// </summary>
public sealed class SystemLogs : IDisposable
{
    private const string Separator = " | ";
    private readonly Lock _gate = new();
    private readonly StreamWriter _file;

    public SystemLogs()
    {
        var folder = Environment.GetEnvironmentVariable("SYSTEM_TESTS_LOG_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "donationregistry-system-logs");
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
            $"system-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log"));
        _file = new StreamWriter(new FileStream(FilePath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false))
        {
            AutoFlush = true,
        };
        Writer = new LockedWriter(this);
    }

    public string FilePath { get; }

    /// <summary>A writer for the AppHost's console log (lines already carry the resource's name).</summary>
    public TextWriter Writer { get; }

    /// <summary>Writes a line of <paramref name="resource"/>, in the AppHost's format.</summary>
    public void Line(string resource, string line) => Write(resource.PadRight(12) + Separator + line);

    /// <summary>Where the file ends now: <see cref="ErrorsSince"/> reads from such a mark.</summary>
    public long Mark()
    {
        lock (_gate)
        {
            _file.Flush();
            return _file.BaseStream.Position;
        }
    }

    /// <summary>
    /// The error entries (<c>fail:</c>/<c>crit:</c> with their indented message and stack trace lines) the resources logged since
    /// <paramref name="mark"/> that contain <paramref name="phrase"/>, first <paramref name="limit"/> of them, each shortened to
    /// <paramref name="linesPerEntry"/> lines.
    /// </summary>
    public IReadOnlyList<string> ErrorsSince(long mark, string phrase, int limit = 5, int linesPerEntry = 40)
    {
        string[] lines;
        lock (_gate)
        {
            _file.Flush();
        }
        using (var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            stream.Seek(mark, SeekOrigin.Begin);
            lines = reader.ReadToEnd().Split('\n');
        }
        return LogEntries.Errors(lines, Separator).Where(e => e.Contains(phrase, StringComparison.Ordinal)).Take(limit)
            .Select(e => string.Join('\n', e.Split('\n').Take(linesPerEntry))).ToList();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            _file.WriteLine(line);
        }
    }

    /// <summary>Forwards whole lines to the file under its lock (the AppHost writes lines from many threads).</summary>
    private sealed class LockedWriter(SystemLogs logs) : TextWriter
    {
        private readonly StringBuilder _partial = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            string line;
            lock (_partial)
            {
                line = _partial.Append(value).ToString();
                _partial.Clear();
            }
            logs.Write(line);
        }

        public override void Write(char value)
        {
            if (value == '\n')
            {
                WriteLine("");
                return;
            }
            lock (_partial)
            {
                _partial.Append(value);
            }
        }
    }
}
