using DonationRegistry.Audit.V1;
using Grpc.Core;
using Grpc.Net.ClientFactory;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// Asks every service's audit trail with the same filters, as the signed-in user. A service that fails is reported by name and
/// the others still answer (the viewer says which log is missing rather than showing nothing).
/// </summary>
public sealed class AuditSources(GrpcClientFactory clients, CurrentUser user, IReadOnlyList<string> services)
{
    public IReadOnlyList<string> Services => services;

    /// <summary>One page from <paramref name="service"/> continuing at <paramref name="pageToken"/>.</summary>
    public async Task<ListAuditEntriesResponse> PageAsync(string service, ListAuditEntriesRequest filters, string pageToken, CancellationToken cancel)
    {
        var request = filters.Clone();
        request.PageToken = pageToken;
        var headers = new Metadata();
        if (user.AccessToken is { Length: > 0 } token)
        {
            headers.Add("Authorization", "Bearer " + token);
        }
        var client = clients.CreateClient<AuditTrail.AuditTrailClient>(AuditSetup.ClientName(service));
        return await client.ListAuditEntriesAsync(request, headers, cancellationToken: cancel);
    }
}
