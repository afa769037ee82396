using DonationRegistry.Common;
using Scopes = DonationRegistry.Common.Scopes;
using DonationRegistry.Identity.Accounts;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DonationRegistry.Identity.Infrastructure;

/// <summary>
/// Runs at start, after the migrations (hosted services start in registration order): registers the OAuth clients (always; their
/// settings follow configuration on every start) and, in Development or with <c>Identity:SeedDemoData=true</c>, the demo users.
/// Idempotent: existing users are left as they are.
/// </summary>
internal sealed partial class Seeder(IServiceProvider services, IOptions<IdentitySettings> options, IHostEnvironment environment,
    ILogger<Seeder> logger) : IHostedService
{
    /// <summary>Public client for tests and command-line tools (password grant).</summary>
    public const string ToolsClientId = "tools";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        await UpsertAsync(applications, PortalDescriptor(settings.Portal), cancellationToken);
        await UpsertAsync(applications, ToolsDescriptor(), cancellationToken);
        foreach (var (clientId, defaultScopes) in IdentitySettings.DefaultServiceClients)
        {
            settings.Clients.TryGetValue(clientId, out var client);
            var secret = client?.Secret;
            if (string.IsNullOrEmpty(secret) && environment.IsDevelopment())
            {
                secret = $"dev-{clientId}-secret";
            }
            if (string.IsNullOrEmpty(secret))
            {
                LogNoSecret(logger, clientId);
                continue;
            }
            await UpsertAsync(applications, ServiceDescriptor(clientId, secret, client?.Scopes ?? [.. defaultScopes]), cancellationToken);
        }

        if (environment.IsDevelopment() || settings.SeedDemoData)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            var created = 0;
            foreach (var profile in DemoUsers.All)
            {
                if (await users.FindByUserNameAsync(profile.UserName, cancellationToken) is null)
                {
                    await users.CreateAsync(profile, settings.DemoPassword, null, cancellationToken);
                    created++;
                }
            }
            LogDemoUsers(logger, created, DemoUsers.All.Count - created);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor,
        CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor PortalDescriptor(PortalClientSettings portal)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientSettings.ClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "DonationRegistry Portal",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        AddScopes(descriptor, [.. Scopes.All, OpenIddictConstants.Scopes.Profile]);
        foreach (var uri in portal.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }
        foreach (var uri in portal.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor ToolsDescriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ToolsClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Tests and command-line tools",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password },
        };
        AddScopes(descriptor, Scopes.All);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor ServiceDescriptor(string clientId, string secret, IEnumerable<string> scopes)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"Service {clientId}",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        AddScopes(descriptor, scopes);
        return descriptor;
    }

    private static void AddScopes(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No secret configured for service client '{ClientId}' (Identity:Clients:{ClientId}:Secret); it is not registered")]
    private static partial void LogNoSecret(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo users: {Created} created, {Existing} already there")]
    private static partial void LogDemoUsers(ILogger logger, int created, int existing);
}
