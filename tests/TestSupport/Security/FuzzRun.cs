using Google.Protobuf.Reflection;
using Grpc.Net.Client;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// What the fuzzer runs against: the service's channel (per token), the tokens to call with (powerful callers of the service, one
/// picked per request), its rpcs, its database (row counts) and its health check.
/// </summary>
public sealed record FuzzRun(
    Func<string?, GrpcChannel> Channel,
    IReadOnlyList<string> Tokens,
    IEnumerable<ServiceDescriptor> Services,
    string ConnectionString,
    Func<Task<bool>> IsHealthy)
{
    /// <summary>Existing resource names and codes mixed into string fields, so that some requests reach the deeper checks.</summary>
    public IReadOnlyList<string> KnownStrings { get; init; } = [];

    /// <summary>
    /// Plausible values by proto field name (e.g. "name" → existing resource names, "child_id" → an existing child), used by the
    /// half of the requests that are valid but for one field.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> FieldValues { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Requests per rpc; env FUZZ_REQUESTS_PER_RPC overrides (see <see cref="RpcFuzzer.RequestsPerRpc"/>).</summary>
    public int RequestsPerRpc { get; init; } = 50;

    /// <summary>Row-count changes after a refused request that are not the request's doing (background work), by table name.</summary>
    public Func<string, long, long, bool> IgnoreChange { get; init; } = RpcFuzzer.BackgroundChange;
}
