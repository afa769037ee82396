using DonationRegistry.Common.PersonalData;
using DonationRegistry.Messaging;
using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Domain.Overview;
using DonationRegistry.OrganCoordination.Domain.TissueCases;
using DonationRegistry.OrganCoordination.Grpc;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Reg = DonationRegistry.Registration.V1;

namespace DonationRegistry.OrganCoordination;

/// <summary>The OrganCoordination service's registrations, in the order Program.cs lists them.</summary>
public static class Extensions
{
    public const string ConnectionName = "organdb";
    /// <summary>Where the registry (Registration's gRPC endpoint) is found: service discovery's named endpoint "grpc".</summary>
    public const string DefaultRegistryAddress = "http://_grpc.registration";

    public static WebApplicationBuilder AddOrganCoordinationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<WebApplicationBuilder, OrganDbContext>(ConnectionName);
        // No consumers yet: the service only publishes (case events) through its outbox.
        builder.AddMessaging<OrganDbContext>(_ => { });
        builder.Services.AddSingleton(PersonalDataProtectorFrom(builder.Configuration));
        builder.Services.AddSingleton<DonorIdNumbers>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Credentials").Get<CredentialRules>() ?? new CredentialRules());
        builder.Services.AddSingleton(builder.Configuration.GetSection("TissueWindows").Get<TissueWindowOptions>() ?? new TissueWindowOptions());
        builder.Services.AddScoped<OrganCaseCommands>();
        builder.Services.AddScoped<OrganCaseQueries>();
        builder.Services.AddScoped<CredentialCommands>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("DueLists").Get<DueListOptions>() ?? new DueListOptions());
        builder.Services.AddScoped<ActiveCredentials>();
        builder.Services.AddScoped<ReceivingUnitRules>();
        builder.Services.AddScoped<DonationRegistryLookup>();
        builder.Services.AddScoped<BodyCaseCommands>();
        builder.Services.AddScoped<TissueCaseCommands>();
        builder.Services.AddScoped<DonationCaseQueries>();
        builder.Services.AddScoped<ReceivingUnitCommands>();
        builder.Services.AddScoped<MemorialCommands>();
        builder.Services.AddScoped<OverviewQueries>();
        builder.Services.AddHttpClient(ServiceTokenHandler.TokenClient);
        builder.Services.AddTransient<ServiceTokenHandler>();
        builder.Services.AddGrpcClient<Reg.Registry.RegistryClient>(o =>
                o.Address = new Uri(builder.Configuration["Registry:Address"] ?? DefaultRegistryAddress))
            .AddHttpMessageHandler<ServiceTokenHandler>();
        builder.Services.AddScoped<IRegistry, GrpcRegistry>();
        // The public rpcs (credential check, memorial list): a handful per minute per client address and rpc, so credential numbers
        // cannot be tried in bulk.
        builder.AddPublicRpcRateLimit("OrganCoordination:PublicCallsPerMinute");
        return builder;
    }

    public static WebApplication MapOrganCoordinationApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapGrpcService<OrganCasesGrpcService>();
        app.MapGrpcService<CoordinatorCredentialsGrpcService>();
        app.MapGrpcService<BodyDonationCasesGrpcService>();
        app.MapGrpcService<TissueDonationCasesGrpcService>();
        app.MapGrpcService<ReceivingUnitsGrpcService>();
        app.MapGrpcService<MemorialsGrpcService>();
        app.MapGrpcService<DonationOverviewGrpcService>();
        return app;
    }

    /// <summary>The ID-number keys from configuration; the service refuses to start without them rather than store plaintext.</summary>
    private static PersonalDataProtector PersonalDataProtectorFrom(ConfigurationManager configuration)
    {
        var encryptionKey = configuration["PersonalData:EncryptionKey"];
        var hashKey = configuration["PersonalData:HashKey"];
        if (string.IsNullOrWhiteSpace(encryptionKey) || string.IsNullOrWhiteSpace(hashKey))
        {
            throw new InvalidOperationException(
                "PersonalData:EncryptionKey and PersonalData:HashKey (base64, 32 bytes each) must be configured; the AppHost generates " +
                "them once under .data/ in development. Never commit them.");
        }
        return PersonalDataProtector.FromBase64(encryptionKey, hashKey);
    }
}
