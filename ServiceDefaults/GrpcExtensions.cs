using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DonationRegistry.ServiceDefaults;

/// <summary>gRPC server defaults: the domain-error interceptor, JSON transcoding, reflection and gRPC health.</summary>
public static class GrpcExtensions
{
    public static TBuilder AddGrpcDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<DomainErrorInterceptor>();
            // Exception text never reaches callers; the interceptor logs it and returns a reference instead.
            o.EnableDetailedErrors = false;
        }).AddJsonTranscoding();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    public static WebApplication MapGrpcDefaults(this WebApplication app)
    {
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }
}
