using System.Globalization;

namespace DonationRegistry.Bench;

/// <summary>
/// The CPU time of every process on the machine, from /proc (Linux; elsewhere empty), and the load average: what the benchmarks
/// read around a measured window to say where the cores went and how busy the machine was. Linked into each bench project.
/// </summary>
internal static class ProcessTable
{
    private const double TicksPerSecond = 100; // getconf CLK_TCK on Linux

    /// <summary>Every process now, by pid.</summary>
    public static Dictionary<int, ProcessTimes> Read()
    {
        var processes = new Dictionary<int, ProcessTimes>();
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
                double Ticks(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
                processes[pid] = new ProcessTimes(stat[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture),
                    TimeSpan.FromSeconds((Ticks(11) + Ticks(12)) / TicksPerSecond), TimeSpan.FromSeconds((Ticks(13) + Ticks(14)) / TicksPerSecond));
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }
        return processes;
    }

    /// <summary>The load averages over 1, 5 and 15 minutes (the first <paramref name="figures"/> of them).</summary>
    public static string LoadAverage(int figures = 3) =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(figures)) : "unknown";
}

/// <summary>
/// One process's CPU time: its own, and that of its children that ended and were reaped by it (PostgreSQL backends that exit
/// during a run move into the postmaster's figure instead of vanishing).
/// </summary>
internal sealed record ProcessTimes(string Command, int Parent, TimeSpan Own, TimeSpan EndedChildren)
{
    public TimeSpan Total => Own + EndedChildren;
}
