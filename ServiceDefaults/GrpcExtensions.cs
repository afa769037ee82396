using Google.Protobuf.Reflection;
using Google.Rpc;
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
            o.Interceptors.Add<NulCharacterGuard>();
            // Exception text never reaches callers; the interceptor logs it and returns a reference instead.
            o.EnableDetailedErrors = false;
        }).AddJsonTranscoding(o =>
            // Error details the interceptor attaches must be known to the JSON writer, or an error answer becomes a 500.
            o.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, LocalizedMessage.Descriptor));
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
