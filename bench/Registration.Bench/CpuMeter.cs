using System.Diagnostics;
using DonationRegistry.Bench;

namespace DonationRegistry.Registration.Bench;

/// <summary>
/// CPU time spent by this process (client, Identity and Registration together) and by the PostgreSQL server (postmaster and its
/// backends, from /proc), and the load average, so a run can say where the time went and how busy the machine was.
/// </summary>
internal sealed class CpuMeter(int postmasterPid)
{
    public (TimeSpan Self, TimeSpan Postgres) Sample()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, PostgresTime());
    }

    /// <summary>The 1-minute load average.</summary>
    public static string LoadAverage() => ProcessTable.LoadAverage(1);

    // The postmaster and its live backends, plus the backends that ended (reaped by the postmaster).
    private TimeSpan PostgresTime() =>
        ProcessTable.Read().Where(p => p.Key == postmasterPid || p.Value.Parent == postmasterPid)
            .Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.Key == postmasterPid ? p.Value.Total : p.Value.Own));
}
