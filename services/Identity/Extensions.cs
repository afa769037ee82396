using DonationRegistry.Common;
using DonationRegistry.Identity.Accounts;
using DonationRegistry.Identity.Endpoints;
using DonationRegistry.Identity.Grpc;
using DonationRegistry.Identity.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace DonationRegistry.Identity;

/// <summary>The Identity service's registrations, in the order Program.cs lists them.</summary>
public static class Extensions
{
    public const string ConnectionName = "identitydb";

    /// <summary>Users and OpenIddict's store in the service's own database, migrated at start before traffic.</summary>
    public static WebApplicationBuilder AddIdentityDatabase(this WebApplicationBuilder builder)
    {
        builder.AddServiceDbContext<WebApplicationBuilder, IdentityDbContext>(ConnectionName, o => o.UseOpenIddict());
        builder.Services.AddScoped<UserDirectory>();
        builder.Services.AddSingleton<IPasswordHasher<Domain.User>, PasswordHasher<Domain.User>>();
        return builder;
    }

    /// <summary>
    /// The OpenIddict server: authorization code + PKCE (Portal), client credentials (services), password (tests and tools),
    /// refresh tokens; signed JWT access tokens valid for one hour; RSA keys persisted under <c>Identity:KeysPath</c>.
    /// </summary>
    public static WebApplicationBuilder AddTokenServer(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentitySettings.Section);
        builder.Services.Configure<IdentitySettings>(section);
        var settings = section.Get<IdentitySettings>() ?? new IdentitySettings();
        var keysPath = Path.GetFullPath(settings.KeysPath, builder.Environment.ContentRootPath);
        var issuer = IssuerOf(builder.Configuration, settings);

        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(OidcEndpoints.AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(OidcEndpoints.TokenPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(OidcEndpoints.LogoutPath.TrimStart('/'));
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowPasswordFlow()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes([.. Scopes.All, OpenIddictConstants.Scopes.Profile]);
                o.RegisterClaims(ClaimNames.Subject, ClaimNames.Name, ClaimNames.Role, ClaimNames.OrgType, ClaimNames.OrgId,
                    ClaimNames.Region, ClaimNames.Scope);
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                o.AddSigningKey(KeyStore.LoadOrCreate(keysPath, KeyStore.SigningKeyFile));
                o.AddEncryptionKey(KeyStore.LoadOrCreate(keysPath, KeyStore.EncryptionKeyFile));
                // Every service validates access tokens itself with JwtBearer: they are signed, not encrypted.
                o.DisableAccessTokenEncryption();
                if (issuer is not null)
                {
                    o.SetIssuer(issuer);
                }
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!settings.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            // Validation of this server's own tokens for the UserAdmin API, in-process (see AdminApi).
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.AddAudiences(Scopes.Identity);
            });

        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(keysPath, "data-protection")))
            .SetApplicationName("DonationRegistry.Identity");
        builder.Services.AddHostedService<TokenPruner>();
        return builder;
    }

    /// <summary>The login page's cookie (this service only) and antiforgery.</summary>
    public static WebApplicationBuilder AddLoginPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(LoginEndpoints.CookieScheme)
            .AddCookie(LoginEndpoints.CookieScheme, o =>
            {
                o.LoginPath = LoginEndpoints.LoginPath;
                o.Cookie.Name = ".DonationRegistry.Identity";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = ".DonationRegistry.Identity.Antiforgery");
        return builder;
    }

    /// <summary>Authorisation of the UserAdmin gRPC API: administrators holding scope <c>identity</c>.</summary>
    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminApi.Policy, p => p
                .AddAuthenticationSchemes(AdminApi.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ClaimNames.Role, Roles.Administrator)
                .RequireAssertion(ctx => AdminApi.HasScope(ctx.User, Scopes.Identity)));
        return builder;
    }

    /// <summary>OAuth clients always; demo users in Development (or with <c>Identity:SeedDemoData</c>).</summary>
    public static WebApplicationBuilder AddSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<Seeder>();
        return builder;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        app.MapOidcEndpoints();
        app.MapLoginEndpoints();
        app.MapGrpcService<UserAdminService>().RequireAuthorization(AdminApi.Policy);
        return app;
    }

    /// <summary>
    /// <c>Identity:Issuer</c>, else the <c>http</c> Kestrel endpoint's URL (unless it uses port 0 or a wildcard host), else none:
    /// then OpenIddict uses each request's own base URL.
    /// </summary>
    internal static Uri? IssuerOf(IConfiguration configuration, IdentitySettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Issuer))
        {
            return new Uri(settings.Issuer, UriKind.Absolute);
        }
        var url = configuration["Kestrel:Endpoints:http:Url"];
        if (Uri.TryCreate(url?.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal),
                UriKind.Absolute, out var uri) && uri.Port != 0 && uri.Host is not ("wildcard" or "0.0.0.0" or "[::]"))
        {
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }
        return null;
    }
}
