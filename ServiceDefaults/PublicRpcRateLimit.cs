using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// The rate limit of the public (anonymous) rpcs, such as the certificate check, the coordinator credential check and the memorial
/// list: a fixed window per client address and rpc, so numbers and codes cannot be tried in bulk, and one public rpc used up does
/// not shut out another. Mark an rpc with
/// <c>[EnableRateLimiting(PublicRpcRateLimit.Policy)]</c> and call <c>app.UseRateLimiter()</c>. A gRPC call over the limit gets
/// RESOURCE_EXHAUSTED, a JSON call HTTP 429; both with Retry-After.
/// </summary>
public static class PublicRpcRateLimit
{
    public const string Policy = "public-rpc";
    public const int DefaultPermitsPerMinute = 20;

    /// <param name="permitsPerMinuteKey">The configuration key of the calls allowed per client address, rpc and minute.</param>
    public static TBuilder AddPublicRpcRateLimit<TBuilder>(this TBuilder builder, string permitsPerMinuteKey)
        where TBuilder : IHostApplicationBuilder
    {
        var permits = builder.Configuration.GetValue(permitsPerMinuteKey, DefaultPermitsPerMinute);
        var window = TimeSpan.FromMinutes(1);
        builder.Services.AddRateLimiter(o =>
        {
            o.OnRejected = (context, _) => RejectAsync(context.HttpContext, window);
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                $"{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"} {RpcOf(http)}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window }));
        });
        return builder;
    }

    /// <summary>The rpc's full name, the same over gRPC and JSON (whose paths may carry the very values being tried).</summary>
    private static string RpcOf(HttpContext http) =>
        http.GetEndpoint() is { } endpoint
            ? endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName ?? endpoint.DisplayName ?? ""
            : "";

    private static ValueTask RejectAsync(HttpContext http, TimeSpan window)
    {
        http.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A trailers-only gRPC answer; without it the client maps HTTP 429 to UNAVAILABLE, which invites an immediate retry.
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/grpc";
            http.Response.Headers["grpc-status"] = ((int)Grpc.Core.StatusCode.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["grpc-message"] = "Too many checks from this address; try again in a minute.";
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return ValueTask.CompletedTask;
    }
}
