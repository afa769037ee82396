using DonationRegistry.Common.PersonalData;
using DonationRegistry.Messaging;
using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.Consumers;
using DonationRegistry.Registration.Grpc;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.Registration;

/// <summary>The Registration service's registrations, in the order Program.cs lists them.</summary>
public static class Extensions
{
    public const string ConnectionName = "registrationdb";
    /// <summary>Rate-limit policy of the anonymous certificate check.</summary>
    public const string CertificateCheckPolicy = PublicRpcRateLimit.Policy;

    public static WebApplicationBuilder AddRegistrationServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<WebApplicationBuilder, RegistrationDbContext>(ConnectionName);
        builder.AddMessaging<RegistrationDbContext>(x =>
        {
            x.AddConsumer<RegistrantDeceasedConsumer>();
            x.AddConsumer<DonationOutcomeRecordedConsumer>();
        });
        builder.Services.AddSingleton(PersonalDataProtectorFrom(builder.Configuration));
        builder.Services.AddSingleton<IdNumberProtection>();
        builder.Services.AddScoped<RegistrationNumbers>();
        builder.Services.AddScoped<StatisticsProjection>();
        builder.Services.AddScoped<PointCommands>();
        builder.Services.AddScoped<RegistrationCommands>();
        builder.Services.AddScoped<RegistrationQueries>();
        builder.Services.AddScoped<RegistrationImporter>();
        builder.Services.AddScoped<StatisticsQueries>();
        // The public certificate check: a handful per minute per client address, so codes cannot be guessed in bulk.
        builder.AddPublicRpcRateLimit("Registration:CertificateChecksPerMinute");
        return builder;
    }

    public static WebApplication MapRegistrationApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapGrpcService<RegistrationPointsGrpcService>();
        app.MapGrpcService<RegistrationsGrpcService>();
        app.MapGrpcService<RegistrationStatisticsGrpcService>();
        app.MapGrpcService<RegistryGrpcService>();
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
