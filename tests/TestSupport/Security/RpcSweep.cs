using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// Calls every rpc of a gRPC service, found from its descriptor, with a default (empty) request — for probes that must hold for
/// every rpc whatever its message: authentication, authorisation, no INTERNAL on odd input.
/// </summary>
public static class RpcSweep
{
    public static IEnumerable<MethodDescriptor> Methods(params ServiceDescriptor[] services) => services.SelectMany(s => s.Methods);

    /// <summary>The status code of one call of <paramref name="rpc"/> with <paramref name="request"/> (a default message when null).</summary>
    public static async Task<StatusCode> CallAsync(GrpcChannel channel, MethodDescriptor rpc, IMessage? request = null) =>
        (await CallForStatusAsync(channel, rpc, request)).StatusCode;

    /// <summary>The status (code and detail) of one call of <paramref name="rpc"/> with <paramref name="request"/>.</summary>
    public static async Task<Status> CallForStatusAsync(GrpcChannel channel, MethodDescriptor rpc, IMessage? request = null)
    {
        var method = new Method<IMessage, IMessage>(
            rpc.IsClientStreaming ? (rpc.IsServerStreaming ? MethodType.DuplexStreaming : MethodType.ClientStreaming)
                : rpc.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            rpc.Service.FullName, rpc.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), rpc.InputType.Parser.ParseFrom),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), rpc.OutputType.Parser.ParseFrom));
        var message = request ?? (IMessage)Activator.CreateInstance(rpc.InputType.ClrType)!;
        var invoker = channel.CreateCallInvoker();
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60));
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, message);
                    break;
                case MethodType.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(method, null, options, message);
                    while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
                    break;
                }
                case MethodType.ClientStreaming:
                {
                    using var call = invoker.AsyncClientStreamingCall(method, null, options);
                    await call.RequestStream.WriteAsync(message);
                    await call.RequestStream.CompleteAsync();
                    await call.ResponseAsync;
                    break;
                }
                default:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(method, null, options);
                    await call.RequestStream.WriteAsync(message);
                    await call.RequestStream.CompleteAsync();
                    while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
                    break;
                }
            }
            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }
}
