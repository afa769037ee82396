using System.Net.Http.Headers;
using System.Text.Json;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// Adds this service's own access token (client credentials at the Identity service: client <c>organcoordination</c>, scope
/// <c>registration</c>) to outgoing calls, fetched once and reused until a minute before it expires.
/// </summary>
public sealed class ServiceTokenHandler(IHttpClientFactory httpClients, IConfiguration configuration, TimeProvider clock) : DelegatingHandler
{
    public const string TokenClient = "identity-token";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && clock.GetUtcNow() < _expiresAt)
        {
            return _token;
        }
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && clock.GetUtcNow() < _expiresAt)
            {
                return _token;
            }
            var authority = ServiceDefaults.AuthenticationExtensions.IdentityAuthority(configuration)
                ?? throw new InvalidOperationException("No Identity authority configured.");
            using var http = httpClients.CreateClient(TokenClient);
            using var response = await http.PostAsync(new Uri(new Uri(authority.TrimEnd('/') + "/"), "connect/token"), new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = configuration["OrganCoordination:ClientId"] ?? "organcoordination",
                    ["client_secret"] = configuration["OrganCoordination:ClientSecret"] ?? "dev-organcoordination-secret",
                    ["scope"] = Common.Scopes.Registration,
                }), cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            _token = json.RootElement.GetProperty("access_token").GetString();
            var lifetime = json.RootElement.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 300;
            _expiresAt = clock.GetUtcNow().AddSeconds(Math.Max(30, lifetime - 60));
            return _token!;
        }
        finally
        {
            _lock.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lock.Dispose();
        }
        base.Dispose(disposing);
    }
}
