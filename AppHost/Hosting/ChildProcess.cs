using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DonationRegistry.Hosting;

/// <summary>
/// A child process whose output lines are kept (the last few hundred) and passed on, and which is stopped with a signal first and
/// killed with its whole tree only if it does not exit in time.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigKill = 9;
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Action<string>? _onLine;

    private ChildProcess(Process process, Action<string>? onLine)
    {
        _process = process;
        _onLine = onLine;
    }

    /// <summary>
    /// When true, children are started in a session of their own (through <c>setsid</c>, which execs, so the PID stays the
    /// program's). A Ctrl+C at the terminal then reaches only the parent (the AppHost), which stops the children in order,
    /// instead of every process in the foreground group at once.
    /// </summary>
    public static bool UseOwnSession { get; set; }

    private const string SetSid = "/usr/bin/setsid";

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>The most recent output lines (stdout and stderr interleaved).</summary>
    public IReadOnlyList<string> RecentLines()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null,
        string? workingDirectory = null, Action<string>? onLine = null)
    {
        if (UseOwnSession && File.Exists(SetSid))
        {
            arguments = [fileName, .. arguments];
            fileName = SetSid;
        }
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, onLine);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
        _onLine?.Invoke(line);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Sends <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills the process tree. Descendants that
    /// outlive the process (orphans, which would also keep its output pipes open) are killed too.
    /// </summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }
        var descendants = ProcessTree.Descendants(_process.Id);
        _ = Kill(_process.Id, signal);
        var deadline = DateTime.UtcNow + grace;
        // HasExited, not WaitForExitAsync: the latter also waits for the end of the output, which an orphan can hold open.
        while (!_process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        foreach (var pid in descendants.Where(ProcessTree.IsAlive))
        {
            _ = Kill(pid, SigKill);
        }
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Something we did not start still holds the output open; the process itself has exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(SigTerm, TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEffectiveUserId();

    /// <summary>Runs a command to completion and returns its exit code and output; throws if it does not finish in time.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var output = new System.Text.StringBuilder();
        await using var child = Start(fileName, arguments, environment, onLine: l => { lock (output) { output.AppendLine(l); } });
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await child.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish in time. Output:\n{output}");
        }
        // Let the asynchronous readers drain the last lines.
        child._process.WaitForExit();
        lock (output)
        {
            return (child.ExitCode, output.ToString());
        }
    }
}
