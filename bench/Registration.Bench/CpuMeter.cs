using System.Diagnostics;
using System.Globalization;

namespace DonationRegistry.Registration.Bench;

/// <summary>
/// CPU time spent by this process (client, Identity and Registration together) and by the PostgreSQL server (postmaster and its
/// backends, from /proc), and the load average, so a run can say where the time went and how busy the machine was.
/// </summary>
internal sealed class CpuMeter(int postmasterPid)
{
    private const double TicksPerSecond = 100; // getconf CLK_TCK on Linux

    public (TimeSpan Self, TimeSpan Postgres) Sample()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, PostgresTime());
    }

    /// <summary>The 1-minute load average.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private TimeSpan PostgresTime()
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command (which is in parentheses and may hold spaces): state ppid … utime(14) stime(15)
                // cutime(16) cstime(17).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == postmasterPid || ppid == postmasterPid)
                {
                    ticks += Field(fields, 11) + Field(fields, 12);
                }
                if (pid == postmasterPid)
                {
                    // Backends that ended are reaped by the postmaster: their CPU moves into its children's times.
                    ticks += Field(fields, 13) + Field(fields, 14);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static double Field(string[] fields, int index) => double.Parse(fields[index], CultureInfo.InvariantCulture);
}
