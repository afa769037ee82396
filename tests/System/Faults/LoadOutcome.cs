using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace DonationRegistry.SystemTests.Faults;

/// <summary>What the clients saw: acknowledged enrolments, failed attempts by status code, and when the fault began and ended.</summary>
public sealed class LoadOutcome
{
    private readonly Lock _gate = new();
    private TimeSpan? _firstFailure;
    private TimeSpan? _lastFailure;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>request_id → volunteer_id the client was given.</summary>
    public ConcurrentDictionary<Guid, Guid> Acknowledged { get; } = new();

    /// <summary>Requests that needed at least one retry.</summary>
    public ConcurrentDictionary<Guid, byte> Retried { get; } = new();

    public ConcurrentDictionary<StatusCode, int> FailedAttempts { get; } = new();

    public ConcurrentBag<Guid> GivenUp { get; } = [];

    public ConcurrentBag<TimeSpan> Latencies { get; } = [];

    /// <summary>When each acknowledged request was first sent (the rate the system sustained is counted from these).</summary>
    public ConcurrentBag<TimeSpan> FirstSent { get; } = [];

    /// <summary>The load the scenario asked for.</summary>
    public ScenarioLoad? Target { get; init; }

    public TimeSpan FaultStarted { get; set; }

    public TimeSpan FaultEnded { get; set; }

    /// <summary>When the clients stopped issuing new requests (they then finished the ones in hand).</summary>
    public TimeSpan StoppedIssuing { get; set; }

    public TimeSpan LoadEnded { get; set; }

    public TimeSpan? FirstFailure => _firstFailure;

    public TimeSpan? LastFailure => _lastFailure;

    public void Acknowledge(Guid requestId, Guid volunteerId, TimeSpan firstSent, TimeSpan acknowledgedAt)
    {
        Acknowledged[requestId] = volunteerId;
        FirstSent.Add(firstSent);
        Latencies.Add(acknowledgedAt - firstSent);
    }

    /// <summary>Acknowledged requests per second, by when they were first sent: before the fault, and over the whole load.</summary>
    public (double BeforeFault, double Overall) SustainedRates()
    {
        var sent = FirstSent.ToArray();
        var before = sent.Count(t => t < FaultStarted) / Math.Max(FaultStarted.TotalSeconds, 0.001);
        var overall = sent.Length / Math.Max(StoppedIssuing.TotalSeconds, 0.001);
        return (before, overall);
    }

    public void Fail(Guid requestId, StatusCode status)
    {
        Retried[requestId] = 0;
        FailedAttempts.AddOrUpdate(status, 1, (_, n) => n + 1);
        lock (_gate)
        {
            _firstFailure ??= Clock.Elapsed;
            _lastFailure = Clock.Elapsed;
        }
    }

    public void GiveUp(Guid requestId) => GivenUp.Add(requestId);

    public string Describe()
    {
        var seconds = LoadEnded.TotalSeconds;
        var sorted = Latencies.Order().ToArray();
        string Percentile(double p) => sorted.Length == 0 ? "-" : $"{sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))].TotalMilliseconds:0} ms";
        var failures = FailedAttempts.IsEmpty ? "none" : string.Join(", ", FailedAttempts.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"));
        var (beforeFault, overall) = SustainedRates();
        return (Target is null ? "" : $"load {Target}; ") +
            $"acknowledged {Acknowledged.Count} in {seconds:0.0} s, sustained {beforeFault:0.0}/s before the fault and {overall:0.0}/s " +
            $"over the {StoppedIssuing.TotalSeconds:0.0} s of issuing, " +
            $"retried {Retried.Count}, given up {GivenUp.Count}; failed attempts: {failures}; " +
            $"latency incl. retries p50 {Percentile(0.50)} p99 {Percentile(0.99)}; fault {FaultStarted.TotalSeconds:0.0}–{FaultEnded.TotalSeconds:0.0} s" +
            (LastFailure is { } last ? $", failures {FirstFailure!.Value.TotalSeconds:0.0}–{last.TotalSeconds:0.0} s" : "");
    }
}
