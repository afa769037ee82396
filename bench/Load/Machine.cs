namespace DonationRegistry.Load;

/// <summary>What the machine is and how busy it is (load averages from /proc/loadavg: other processes share the cores).</summary>
internal static class Machine
{
    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({model ?? "unknown CPU"}), {Environment.OSVersion}";
    }

    public static string LoadAverage() => DonationRegistry.Bench.ProcessTable.LoadAverage();
}
