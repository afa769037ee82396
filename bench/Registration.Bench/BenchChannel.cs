using Grpc.Core;
using Grpc.Net.Client;

namespace DonationRegistry.Registration.Bench;

/// <summary>
/// A gRPC channel on its own HTTP/2 connection, as one clerk's desk has, and the call headers carrying the bearer token. The
/// channel sends through the handler directly (no HttpClient around it) and every call reuses the same headers, so the client's
/// own cost per call, which counts in the bench process's CPU, stays small.
/// </summary>
internal static class BenchChannel
{
    public static (GrpcChannel Channel, Metadata Headers) Open(Uri address, string token)
    {
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
            DisposeHttpClient = true,
        });
        return (channel, new Metadata { { "authorization", "Bearer " + token } });
    }
}
