using DonationRegistry.Common;

namespace DonationRegistry.Identity;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>Folder of the persisted signing and encryption keys (and ASP.NET data-protection keys), relative to the content root.</summary>
    public string KeysPath { get; set; } = ".data/identity/keys";

    /// <summary>
    /// The issuer (<c>iss</c>) of every token. When empty it is the URL of the <c>http</c> Kestrel endpoint, so tokens fetched over
    /// HTTP/1.1 are also accepted by the admin API on the gRPC endpoint (another port).
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>Refuse plain-HTTP requests (behind TLS in production); off by default because everything runs on loopback.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Seeds the demo users; always on in the Development environment.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Password of every demo user.</summary>
    public string DemoPassword { get; set; } = "Demo#2026";

    /// <summary>The Portal (public client, authorization code + PKCE).</summary>
    public PortalClientSettings Portal { get; set; } = new();

    /// <summary>Confidential service clients by client id (<c>Identity:Clients:registration:Secret</c>, …).</summary>
    public Dictionary<string, ServiceClientSettings> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The service clients and the scopes each may request by default (what it calls).</summary>
    public static IReadOnlyDictionary<string, string[]> DefaultServiceClients { get; } = new Dictionary<string, string[]>
    {
        ["registration"] = [Scopes.Registration],
        ["hsc"] = [Scopes.Registration, Scopes.Hsc],
        ["organcoordination"] = [Scopes.Registration, Scopes.Organ],
        ["familycare"] = [Scopes.Organ, Scopes.FamilyCare],
    };
}

public sealed class PortalClientSettings
{
    public const string ClientId = "portal";

    /// <summary>Where the Portal receives the authorization code, e.g. <c>http://127.0.0.1:7200/signin-oidc</c>.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where the Portal may send the browser after sign-out.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

public sealed class ServiceClientSettings
{
    /// <summary>The client secret; development defaults exist only in the Development environment.</summary>
    public string? Secret { get; set; }

    /// <summary>Scopes the client may request; defaults to <see cref="IdentitySettings.DefaultServiceClients"/>.</summary>
    public List<string>? Scopes { get; set; }
}
