using System.Globalization;

namespace DonationRegistry.SystemTests.Faults;

/// <summary>
/// How hard the fault scenarios drive the system. The default is light, for CI on a shared machine: 20 clients as fast as each
/// gets answers, 2 s before the fault and 2 s after. The issue's rate (≥ 200 registrations/s, steady) is a separate run on a quiet
/// machine, set through the environment (docs/system-tests.md):
/// <c>SYSTEM_TESTS_LOAD_RATE=200 SYSTEM_TESTS_LOAD_CLIENTS=64 SYSTEM_TESTS_LOAD_SECONDS=10 dotnet test tests/System/System.Tests.csproj --filter FaultScenarioTests</c>.
/// </summary>
/// <param name="Clients">Concurrent clients (SYSTEM_TESTS_LOAD_CLIENTS).</param>
/// <param name="Rate">Enrolments per second offered by all clients together, paced; 0 = each client as fast as it is answered
/// (SYSTEM_TESTS_LOAD_RATE).</param>
/// <param name="Before">Load before the fault is injected (SYSTEM_TESTS_LOAD_SECONDS).</param>
/// <param name="After">Load after the system was put back (SYSTEM_TESTS_LOAD_SECONDS).</param>
public sealed record ScenarioLoad(int Clients, double Rate, TimeSpan Before, TimeSpan After)
{
    public static ScenarioLoad FromEnvironment()
    {
        var seconds = Number("SYSTEM_TESTS_LOAD_SECONDS", 2);
        return new ScenarioLoad((int)Number("SYSTEM_TESTS_LOAD_CLIENTS", 20), Number("SYSTEM_TESTS_LOAD_RATE", 0),
            TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds));
    }

    public override string ToString() =>
        $"{Clients} clients, {(Rate > 0 ? $"target {Rate:0}/s" : "as fast as answered")}, {Before.TotalSeconds:0} s before and " +
        $"{After.TotalSeconds:0} s after the fault";

    private static double Number(string variable, double fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new InvalidOperationException($"{variable}={text} is not a non-negative number.");
    }
}
