using System.Globalization;

namespace DonationRegistry.Hosting;

/// <summary>
/// Makes sure private servers do not outlive the process that started them, even when that process is killed without running its
/// shutdown code (a test host ended by its runner, an AppHost killed with SIGKILL): a detached shell waits for the owner to die and
/// then runs the resources' cleanup commands. A clean shutdown stops the resources first, and the cleanup then finds nothing to do.
/// </summary>
public static class OrphanGuard
{
    /// <summary>Runs <paramref name="cleanup"/> (shell commands) once the current process has exited.</summary>
    public static void AfterThisProcessExits(string cleanup)
    {
        var owner = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var script = $"while kill -0 {owner} 2>/dev/null; do sleep 1; done\n{cleanup}\n";
        // setsid: the guard leaves our process group, so a Ctrl+C or a group kill aimed at the owner does not take it along.
        _ = ChildProcess.Start("setsid", ["-f", "sh", "-c", script + " >/dev/null 2>&1"]);
    }
}
