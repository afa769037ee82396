using System.Collections.Concurrent;
using Grpc.Core;

namespace DonationRegistry.Load;

/// <summary>Per rpc: latencies of the successful calls (ms, at the client) and failed calls by status code.</summary>
internal sealed class RpcStats
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Rpc, StatusCode Status), int> _errors = new();

    public void Succeeded(string rpc, double milliseconds) => _latencies.GetOrAdd(rpc, _ => []).Add(milliseconds);

    public void Failed(string rpc, StatusCode status) => _errors.AddOrUpdate((rpc, status), 1, (_, n) => n + 1);

    public IEnumerable<string> Rpcs => _latencies.Keys.Concat(_errors.Keys.Select(k => k.Rpc)).Distinct().Order(StringComparer.Ordinal);

    public int Count(string rpc) => _latencies.TryGetValue(rpc, out var l) ? l.Count : 0;

    public int TotalSucceeded => _latencies.Values.Sum(l => l.Count);

    public double Percentile(string rpc, double p) =>
        _latencies.TryGetValue(rpc, out var bag) ? Percentiles.Of([.. bag], p) : double.NaN;

    public string Errors(string rpc) =>
        string.Join(", ", _errors.Where(e => e.Key.Rpc == rpc).OrderBy(e => e.Key.Status).Select(e => $"{e.Key.Status} {e.Value}"));

    public int TotalErrors => _errors.Values.Sum();
}
