using System.Diagnostics;
using DonationRegistry.Common.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Status = Google.Rpc.Status;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// Turns domain errors into the status codes of ARCHITECTURE.md section 3, with google.rpc.BadRequest field violations for bad
/// input and a google.rpc.LocalizedMessage (zh-CN) for clerks. An unexpected exception becomes INTERNAL carrying only a trace
/// reference: its text is logged, never sent.
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
        if (ex is not DomainException domain)
        {
            var reference = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} (reference {Reference})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string reference);
}
