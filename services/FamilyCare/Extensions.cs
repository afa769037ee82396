using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.Consumers;
using DonationRegistry.FamilyCare.Grpc;
using DonationRegistry.FamilyCare.Infrastructure;
using DonationRegistry.Messaging;

namespace DonationRegistry.FamilyCare;

/// <summary>The FamilyCare service's registrations, in the order Program.cs lists them.</summary>
public static class Extensions
{
    public const string ConnectionName = "familycaredb";

    public static WebApplicationBuilder AddFamilyCareServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<WebApplicationBuilder, FamilyCareDbContext>(ConnectionName);
        builder.AddMessaging<FamilyCareDbContext>(x =>
        {
            x.AddConsumer<OrganDonationCompletedConsumer>();
            x.AddConsumer<BodyDonationCompletedConsumer>();
            x.AddConsumer<TissueDonationCompletedConsumer>();
            x.AddConsumer<HscDonationCompletedConsumer>();
        });
        builder.Services.AddSingleton(AidAmounts.From(builder.Configuration));
        builder.Services.AddSingleton<CareClock>();
        builder.Services.AddScoped<Referrals>();
        builder.Services.AddScoped<FamilyCommands>();
        builder.Services.AddScoped<AidCommands>();
        builder.Services.AddScoped<VisitCommands>();
        builder.Services.AddScoped<PlanningQueries>();
        builder.Services.AddScoped<WeekPlanAcceptance>();
        builder.Services.AddScoped<CareLists>();
        builder.Services.AddScoped<CareStatistics>();
        builder.Services.AddScoped<CalendarExport>();
        return builder;
    }

    public static WebApplication MapFamilyCareApi(this WebApplication app)
    {
        app.MapGrpcService<FamiliesGrpcService>();
        app.MapGrpcService<StudentAidGrpcService>();
        app.MapGrpcService<VisitsGrpcService>();
        return app;
    }
}
