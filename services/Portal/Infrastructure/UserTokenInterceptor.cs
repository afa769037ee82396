using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Adds the signed-in user's access token to every call, so the services decide what this user may do.</summary>
public sealed class UserTokenInterceptor(CurrentUser user) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    private ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class
    {
        var token = user.AccessToken;
        if (string.IsNullOrEmpty(token))
        {
            return context;
        }
        var headers = context.Options.Headers ?? [];
        headers.Add("Authorization", "Bearer " + token);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
