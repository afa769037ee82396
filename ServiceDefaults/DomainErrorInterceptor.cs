using System.Diagnostics;
using System.Net.Sockets;
using DonationRegistry.Common.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Status = Google.Rpc.Status;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// Turns domain errors into the status codes of ARCHITECTURE.md section 3, with google.rpc.BadRequest field violations for bad
/// input and a google.rpc.LocalizedMessage (zh-CN) for clerks. The infrastructure failing (database unreachable or restarting, a
/// timeout; see <see cref="IsInfrastructureFailure"/>) becomes UNAVAILABLE, which clients retry with the same request_id; any other
/// unexpected exception is a bug and becomes INTERNAL. Both carry only a trace reference: the exception is logged, never sent.
/// </summary>
public sealed partial class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    private RpcException Translate(Exception ex, ServerCallContext context)
    {
        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
        }
        if (ex is DbUpdateConcurrencyException)
        {
            ex = new ConcurrentEditException("record", "?", "该记录已被他人修改，请刷新后重试。");
        }
        if (IsInfrastructureFailure(ex))
        {
            var reference = ReferenceOf(context);
            LogUnavailable(logger, ex, context.Method, reference);
            return new RpcException(new Grpc.Core.Status(StatusCode.Unavailable,
                $"The service is unavailable just now; retry with the same request. Reference: {reference}."));
        }
        if (ex is not DomainException domain)
        {
            var reference = ReferenceOf(context);
            LogUnexpected(logger, ex, context.Method, reference);
            return new RpcException(new Grpc.Core.Status(StatusCode.Internal,
                $"An unexpected error occurred. Reference: {reference}."));
        }

        var status = new Status { Code = (int)CodeOf(domain), Message = domain.Message };
        if (domain is ValidationFailedException validation)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(validation.Violations.Select(v =>
                new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
            status.Details.Add(Any.Pack(badRequest));
        }
        if (domain.LocalizedMessage is { } localized)
        {
            status.Details.Add(Any.Pack(new LocalizedMessage { Locale = "zh-CN", Message = localized }));
        }
        if (domain is IllegalTransitionException transition)
        {
            var info = new ErrorInfo { Reason = "ILLEGAL_TRANSITION", Domain = "donationregistry" };
            info.Metadata.Add("state", transition.State);
            info.Metadata.Add("trigger", transition.Trigger);
            info.Metadata.Add("allowed", string.Join(",", transition.AllowedTriggers));
            status.Details.Add(Any.Pack(info));
        }
        return status.ToRpcException();
    }

    internal static StatusCode CodeOf(DomainException ex) => ex switch
    {
        ValidationFailedException => StatusCode.InvalidArgument,
        NotFoundException => StatusCode.NotFound,
        IllegalTransitionException => StatusCode.FailedPrecondition,
        ConcurrentEditException => StatusCode.Aborted,
        DuplicateException => StatusCode.AlreadyExists,
        AccessDeniedException => StatusCode.PermissionDenied,
        _ => StatusCode.FailedPrecondition,
    };

    /// <summary>
    /// Whether <paramref name="ex"/> is the infrastructure failing rather than the code: a transient Npgsql error (connection refused
    /// or dropped, the server shutting down or out of connections, a timeout), a socket error or timeout anywhere below, or EF giving
    /// up after retrying such errors. Retrying the same request later may succeed; for anything else it would not.
    /// </summary>
    internal static bool IsInfrastructureFailure(Exception ex)
    {
        var e = ex;
        for (var depth = 0; e is not null && depth < 16; depth++, e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case NpgsqlException { IsTransient: true }:
                // The server shutting down (fast shutdown, crash) or starting up, and connection errors, whatever Npgsql thinks.
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" } or PostgresException { SqlState: ['0', '8', _, _, _] }:
                case SocketException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsInfrastructureFailure);
            }
        }
        return false;
    }

    private static string ReferenceOf(ServerCallContext context) =>
        Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unavailable: {Method} failed on the infrastructure (reference {Reference})")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} (reference {Reference})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string reference);
}
