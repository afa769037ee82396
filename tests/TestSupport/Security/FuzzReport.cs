using Grpc.Core;

namespace DonationRegistry.TestSupport.Security;

/// <summary>What a fuzz run found: broken rules (each with its seed and request) and the statuses answered per rpc.</summary>
public sealed record FuzzReport(int Seed, IReadOnlyList<string> Failures, IReadOnlyDictionary<string, Dictionary<StatusCode, int>> Statuses)
{
    /// <summary>One line per rpc: its statuses and how often, for the test output.</summary>
    public string Summary() => string.Join(Environment.NewLine, Statuses.Select(s =>
        $"{s.Key}: {string.Join(", ", s.Value.OrderByDescending(v => v.Value).Select(v => $"{v.Key} {v.Value}"))}"));
}
