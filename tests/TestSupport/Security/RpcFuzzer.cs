using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// The input fuzzer of issue #9: every rpc of the given services is called, one request after another, with messages built by
/// <see cref="FuzzMessages"/> from its request type. Rules: never INTERNAL, UNKNOWN, DATA_LOSS or DEADLINE_EXCEEDED; the service
/// still healthy after each rpc's batch; a refused request (any status but OK) leaves every table's row count as it was.
/// Reproducible: the messages of one rpc depend only on the seed (env FUZZ_SEED) and the rpc's name, and each failure names the
/// seed, the request's index and the request (shortened).
/// </summary>
public static class RpcFuzzer
{
    public const int DefaultSeed = 20261123;

    private static readonly StatusCode[] Broken = [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss, StatusCode.DeadlineExceeded];

    /// <summary>Env FUZZ_REQUESTS_PER_RPC, else <paramref name="defaultCount"/>.</summary>
    public static int RequestsPerRpc(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS_PER_RPC"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : defaultCount;

    /// <summary>Env FUZZ_SEED, else <see cref="DefaultSeed"/>.</summary>
    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    /// <summary>
    /// Changes no request makes: outbox rows leaving once delivered, inbox rows of events still arriving from earlier tests.
    /// </summary>
    public static bool BackgroundChange(string table, long before, long after) =>
        table.EndsWith("inbox_messages", StringComparison.Ordinal) || (table.EndsWith("outbox_messages", StringComparison.Ordinal) && after < before);

    public static async Task<FuzzReport> RunAsync(FuzzRun run)
    {
        var seed = Seed;
        var failures = new List<string>();
        var statuses = new Dictionary<string, Dictionary<StatusCode, int>>();
        var channels = run.Tokens.Select(run.Channel).ToList();
        var counts = await TableCounts.ForAsync(run.ConnectionString);
        try
        {
            foreach (var rpc in RpcSweep.Methods([.. run.Services]))
            {
                var rpcName = $"{rpc.Service.Name}.{rpc.Name}";
                var random = new Random(unchecked(seed * 31 + StableHash(rpc.FullName)));
                var messages = new FuzzMessages(random, run.KnownStrings, run.FieldValues);
                var seen = statuses[rpcName] = [];
                var before = await counts.ReadAsync();
                for (var i = 0; i < run.RequestsPerRpc; i++)
                {
                    var request = messages.Create(rpc.InputType);
                    var channel = channels[random.Next(channels.Count)];
                    Status status;
                    try
                    {
                        status = await RpcSweep.CallForStatusAsync(channel, rpc, request);
                    }
                    catch (Exception ex)
                    {
                        failures.Add($"{rpcName} #{i} (seed {seed}): the call threw {ex.GetType().Name}: {ex.Message}; request {Show(request)}");
                        continue;
                    }
                    seen[status.StatusCode] = seen.GetValueOrDefault(status.StatusCode) + 1;
                    if (Broken.Contains(status.StatusCode))
                    {
                        failures.Add($"{rpcName} #{i} (seed {seed}): {status.StatusCode} \"{status.Detail}\"; request {Show(request)}");
                    }
                    var after = await counts.ReadAsync();
                    if (status.StatusCode != StatusCode.OK && counts.Differences(before, after, run.IgnoreChange) is { Count: > 0 } changed)
                    {
                        failures.Add($"{rpcName} #{i} (seed {seed}): refused with {status.StatusCode} but wrote {string.Join("; ", changed)}; " +
                            $"request {Show(request)}");
                    }
                    before = after;
                }
                if (!await run.IsHealthy())
                {
                    failures.Add($"{rpcName} (seed {seed}): the service is not healthy after this rpc's requests");
                    break;
                }
            }
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
        return new FuzzReport(seed, failures, statuses);
    }

    /// <summary>A health check over the service's <c>/health</c> endpoint.</summary>
    public static Func<Task<bool>> HttpHealth(Func<HttpClient> http) => async () =>
    {
        using var client = http();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return response.IsSuccessStatusCode;
    };

    /// <summary>The request as JSON, long strings and the whole cut short, for a failure line.</summary>
    private static string Show(IMessage request)
    {
        string json;
        try
        {
            json = JsonFormatter.Default.Format(request);
        }
        catch (InvalidOperationException)
        {
            json = request.ToString() ?? "";
        }
        return json.Length <= 600 ? json : string.Concat(json.AsSpan(0, 600), $"… ({json.Length} chars)");
    }

    // string.GetHashCode differs per process; the seed of an rpc must not.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return unchecked((int)hash);
    }
}
