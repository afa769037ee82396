using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Application.Collection;
using DonationRegistry.Hsc.Application.Requests;
using DonationRegistry.Hsc.Consumers;
using DonationRegistry.Hsc.Grpc;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Hsc.Searching;
using DonationRegistry.Hsc.Seeding;
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
        if (builder.Configuration.GetValue("Hsc:SeedDemoData", false))
        {
            // Before the index loader, so the first index holds the demo donors.
            builder.Services.AddHostedService<DemoDonorSeeder>();
        }
        builder.Services.AddOptions<HlaOptions>().Bind(builder.Configuration.GetSection("Hla")).Bind(builder.Configuration.GetSection("Hsc"));
        builder.Services.AddSingleton<HlaEngine>();
        builder.Services.AddHostedService<IndexLoader>();
        builder.Services.AddHealthChecks().AddCheck<HlaIndexHealthCheck>("hla-index", tags: [ServiceDefaults.Extensions.ReadyTag]);
        builder.Services.AddScoped<IndexSync>();
        builder.Services.AddScoped<DonorCommands>();
        builder.Services.AddScoped<TypingCommands>();
        builder.Services.AddScoped<DonorQueries>();
        builder.Services.AddScoped<SearchCommands>();
        builder.Services.AddScoped<HlaTools>();
        builder.AddDonorRequests();
        builder.AddCollectionCases();
        return builder;
    }

    public static WebApplication MapHscApi(this WebApplication app)
    {
        app.MapGrpcService<DonorPoolGrpcService>();
        app.MapGrpcService<SearchGrpcService>();
        app.MapGrpcService<DonorRequestGrpcService>();
        app.MapGrpcService<CollectionCasesGrpcService>();
        return app;
    }
}
