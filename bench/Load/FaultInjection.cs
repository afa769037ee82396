using System.Diagnostics;
using DonationRegistry.SystemTests;

namespace DonationRegistry.Load;

/// <summary>The four fault scenarios of issue 9, injected into a system this program started, at a moment of the run.</summary>
internal static class FaultInjection
{
    public static async Task<string?> RunAsync(SystemControl control, string name, TimeSpan at, Stopwatch clock)
    {
        await Task.Delay(at);
        var began = clock.Elapsed;
        Console.WriteLine($"fault {name} at {began.TotalSeconds:0.0} s");
        switch (name)
        {
            case "rabbitmq":
                await control.StopRabbitMqForAsync(TimeSpan.FromSeconds(30));
                break;
            case "postgres":
                await control.RestartPostgresAsync();
                break;
            case "hsc-kill":
                await control.KillAsync("hsc");
                await control.RestartAsync("hsc");
                break;
            default:
                await control.KillAsync("registration");
                await control.RestartAsync("registration");
                break;
        }
        var ended = clock.Elapsed;
        Console.WriteLine($"fault {name} over at {ended.TotalSeconds:0.0} s");
        return $"{name} from {began.TotalSeconds:0.0} s to {ended.TotalSeconds:0.0} s of the run (restart included); failed calls are counted above, " +
            "not retried (the system tests retry and reconcile).";
    }
}
