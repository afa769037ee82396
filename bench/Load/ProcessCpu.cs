using DonationRegistry.Bench;

namespace DonationRegistry.Load;

/// <summary>
/// CPU time of this process and of every process it started (each service, PostgreSQL with its backends, RabbitMQ), grouped by the
/// child this process started, from /proc. Two samples around the measured window say which part of the system the cores went to.
/// </summary>
/// <remarks>Each process counts its own time plus that of its ended children (<see cref="ProcessTimes.Total"/>).</remarks>
internal static class ProcessCpu
{
    public static IReadOnlyDictionary<string, TimeSpan> Sample()
    {
        var processes = ProcessTable.Read();
        var self = Environment.ProcessId;
        var byPart = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (pid, process) in processes)
        {
            if (PartOf(pid, self, processes) is { } part)
            {
                var name = part == self ? "load generator" : NameOf(part, processes[part]);
                byPart[name] = byPart.GetValueOrDefault(name) + process.Total;
            }
        }
        return byPart;
    }

    /// <summary>CPU seconds spent between two samples, per part, largest first.</summary>
    public static IReadOnlyList<(string Part, TimeSpan Cpu)> Between(IReadOnlyDictionary<string, TimeSpan> before, IReadOnlyDictionary<string, TimeSpan> after) =>
        [.. after.Select(a => (a.Key, a.Value - before.GetValueOrDefault(a.Key))).OrderByDescending(p => p.Item2)];

    // The child of this process that pid descends from (or this process itself); null when pid is not ours.
    private static int? PartOf(int pid, int self, Dictionary<int, ProcessTimes> processes)
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

    private static string NameOf(int pid, ProcessTimes stat)
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
}
