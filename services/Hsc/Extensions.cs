using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Consumers;
using DonationRegistry.Hsc.Grpc;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Hsc.Searching;
using DonationRegistry.Messaging;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.Hsc;

/// <summary>The HSC service's registrations, in the order Program.cs lists them.</summary>
public static class Extensions
{
    public const string ConnectionName = "hscdb";

    public static WebApplicationBuilder AddHscServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<WebApplicationBuilder, HscDbContext>(ConnectionName);
        builder.AddMessaging<HscDbContext>(x => x.AddConsumer<HscVolunteerEnrolledConsumer>());
        builder.Services.AddSingleton<HlaEngine>();
        builder.Services.AddScoped<IndexSync>();
        builder.Services.AddScoped<UnitOfWork>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<DonorCommands>();
        builder.Services.AddScoped<TypingCommands>();
        builder.Services.AddScoped<DonorQueries>();
        return builder;
    }

    public static WebApplication MapHscApi(this WebApplication app)
    {
        app.MapGrpcService<DonorPoolGrpcService>();
        return app;
    }
}
