using DonationRegistry.Audit.V1;
using Grpc.Net.ClientFactory;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Registers one audit-trail client per service whose gRPC address is configured (the AppHost's references).</summary>
public static class AuditSetup
{
    /// <summary>Why the viewer reads the logs (each service records it with the read).</summary>
    public const string Purpose = "审计监督：查阅个人信息处理记录";

    /// <summary>The services that keep an audit log of people's data, by their AppHost names.</summary>
    public static IReadOnlyList<string> Services { get; } = ["registration", "hsc", "organcoordination", "familycare"];

    public static IServiceCollection AddAuditSources(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = Services.Where(s => !string.IsNullOrEmpty(configuration[$"services:{s}:grpc:0"])).ToList();
        foreach (var service in configured)
        {
            // Named clients; the page's AuditSources adds the user's token to each call.
            services.AddGrpcClient<AuditTrail.AuditTrailClient>(ClientName(service), o => o.Address = new Uri($"http://_grpc.{service}"));
        }
        services.AddScoped(sp => new AuditSources(sp.GetRequiredService<GrpcClientFactory>(), sp.GetRequiredService<CurrentUser>(), configured));
        return services;
    }

    public static string ClientName(string service) => "audit-" + service;
}
