using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.ServiceDefaults;

/// <summary>Maps the one audit-log query (protos/audit.proto) of a service; one line in each service's Program.cs.</summary>
public static class AuditTrailExtensions
{
    /// <summary>
    /// Maps <c>AuditTrail</c> over <typeparamref name="TContext"/>'s <c>audit_log</c> (the context must call
    /// <c>modelBuilder.AddAuditLog()</c> and be registered with <c>AddServiceDbContext</c>). The service's scope applies through the
    /// fallback policy; the roles are checked in the rpc.
    /// </summary>
    public static WebApplication MapAuditTrail<TContext>(this WebApplication app) where TContext : DbContext
    {
        app.MapGrpcService<AuditTrailService<TContext>>();
        return app;
    }

    /// <summary>"DonationRegistry.OrganCoordination" → "organcoordination": the service's name as the AppHost calls it.</summary>
    internal static string ServiceName(string applicationName) =>
        applicationName[(applicationName.LastIndexOf('.') + 1)..].ToLowerInvariant();
}
