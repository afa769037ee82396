using System.Globalization;

namespace DonationRegistry.Load;

/// <summary>
/// CPU time of this process and of every process it started (each service, PostgreSQL with its backends, RabbitMQ), grouped by the
/// child this process started, from /proc. Two samples around the measured window say which part of the system the cores went to.
/// </summary>
/// <remarks>Each process counts its own time plus that of its ended children (cutime/cstime): PostgreSQL backends that exit during the
/// run move into the postmaster's figure instead of vanishing. Linux only; elsewhere the sample is empty.</remarks>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // getconf CLK_TCK on Linux

    public static IReadOnlyDictionary<string, TimeSpan> Sample()
    {
        var processes = ReadAll();
        var self = Environment.ProcessId;
        var byPart = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pid, process) in processes)
        {
            if (PartOf(pid, self, processes) is { } part)
            {
                var name = part == self ? "load generator" : NameOf(part, processes[part]);
                byPart[name] = byPart.GetValueOrDefault(name) + process.Ticks;
            }
        }
        return byPart.ToDictionary(p => p.Key, p => TimeSpan.FromSeconds(p.Value / TicksPerSecond), StringComparer.Ordinal);
    }

    /// <summary>CPU seconds spent between two samples, per part, largest first.</summary>
    public static IReadOnlyList<(string Part, TimeSpan Cpu)> Between(IReadOnlyDictionary<string, TimeSpan> before, IReadOnlyDictionary<string, TimeSpan> after) =>
        [.. after.Select(a => (a.Key, a.Value - before.GetValueOrDefault(a.Key))).OrderByDescending(p => p.Item2)];

    // The child of this process that pid descends from (or this process itself); null when pid is not ours.
    private static int? PartOf(int pid, int self, Dictionary<int, ProcStat> processes)
    {
        for (var current = pid; processes.TryGetValue(current, out var stat); current = stat.Parent)
        {
            if (current == self)
            {
                return self;
            }
            if (stat.Parent == self)
            {
                return current;
            }
        }
        return null;
    }

    private static string NameOf(int pid, ProcStat stat)
    {
        string commandLine;
        try
        {
            commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            commandLine = "";
        }
        // Services run as "dotnet …/DonationRegistry.Hsc.dll" (or their apphost); PostgreSQL and RabbitMQ by their command.
        var marker = commandLine.IndexOf("DonationRegistry.", StringComparison.Ordinal);
        if (marker >= 0)
        {
            var name = commandLine[(marker + "DonationRegistry.".Length)..].Split([' ', '/'], 2)[0];
            return name.EndsWith(".dll", StringComparison.Ordinal) ? name[..^4] : name;
        }
        return commandLine.Contains("rabbit", StringComparison.OrdinalIgnoreCase) || stat.Command.StartsWith("beam", StringComparison.Ordinal)
            ? "RabbitMQ"
            : stat.Command.StartsWith("postgres", StringComparison.Ordinal) ? "PostgreSQL" : stat.Command;
    }

    private static Dictionary<int, ProcStat> ReadAll()
    {
        var processes = new Dictionary<int, ProcStat>();
        if (!Directory.Exists("/proc"))
        {
            return processes;
        }
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (command) state ppid … utime(14) stime(15) cutime(16) cstime(17)": the command may hold spaces.
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                double Field(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
                processes[pid] = new ProcStat(stat[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture),
                    Field(11) + Field(12) + Field(13) + Field(14));
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }
        return processes;
    }

    private sealed record ProcStat(string Command, int Parent, double Ticks);
}
