using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// The token probes of issue #9 for one service: every rpc called with no token and with each forged variant of a real token
/// must be refused — UNAUTHENTICATED, or PERMISSION_DENIED when only the scope is missing. Public rpcs (named
/// <c>Service.Method</c>) must treat a bad token as no token: answered, never INTERNAL. Returns one line per rpc that broke a rule.
/// </summary>
public static class SecurityProbe
{
    public static async Task<IReadOnlyList<string>> RunAsync(Func<string?, GrpcChannel> channel, IEnumerable<ServiceDescriptor> services,
        IReadOnlySet<string> publicRpcs, ForgedTokens forged, string realToken, string scope)
    {
        var probes = new List<(string Name, string? Token, StatusCode Expected)> { ("no token", null, StatusCode.Unauthenticated) };
        probes.AddRange(forged.All(realToken, scope).Select(p => (p.Name, (string?)p.Token, p.Expected)));
        var failures = new List<string>();
        foreach (var (name, token, expected) in probes)
        {
            using var probeChannel = channel(token);
            foreach (var rpc in RpcSweep.Methods([.. services]))
            {
                var status = await RpcSweep.CallAsync(probeChannel, rpc);
                var isPublic = publicRpcs.Contains($"{rpc.Service.Name}.{rpc.Name}");
                var broken = isPublic
                    ? status is StatusCode.Internal or StatusCode.Unknown or StatusCode.Unauthenticated
                    : status != expected;
                if (broken)
                {
                    failures.Add($"{rpc.Service.Name}.{rpc.Name} with {name}: {status}, expected {(isPublic ? "an answer" : expected)}");
                }
            }
        }
        return failures;
    }
}
