using System.Globalization;
using DonationRegistry.Common;
using DonationRegistry.Portal.Components;
using DonationRegistry.Portal.Infrastructure;
using DonationRegistry.Registration.V1;
using DonationRegistry.ServiceDefaults;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Localization;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MudBlazor.Services;

namespace DonationRegistry.Portal;

/// <summary>The Portal's registrations; Program.cs lists them in order.</summary>
public static class Extensions
{
    /// <summary>The cultures offered: Chinese first (the default), English switchable.</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["zh-CN", "en"];

    /// <summary>Cookie session, OpenID Connect (authorization code + PKCE) against the Identity service.</summary>
    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        var authority = AuthenticationExtensions.IdentityAuthority(builder.Configuration)
            ?? throw new InvalidOperationException(
                "No token issuer configured: set Identity:Authority or services:identity:http:0 (the AppHost sets the latter).");
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "portal.session";
                o.AccessDeniedPath = "/forbidden";
                // The session lives no longer than the access token it carries (Identity issues one-hour tokens).
                o.ExpireTimeSpan = TimeSpan.FromMinutes(55);
                o.SlidingExpiration = false;
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = authority;
                o.RequireHttpsMetadata = builder.Configuration.GetValue("Portal:RequireHttpsMetadata", false);
                o.ClientId = builder.Configuration["Portal:ClientId"] ?? "portal";
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.Scope.Clear();
                foreach (var scope in (string[])["openid", "profile", .. Scopes.All])
                {
                    o.Scope.Add(scope);
                }
                o.TokenValidationParameters.NameClaimType = ClaimNames.Name;
                o.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                o.Events.OnTokenValidated = SignInEvents.KeepAccessTokenAsync;
                o.Events.OnRedirectToIdentityProvider = SignInEvents.PassLanguageAsync;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>zh-CN by default, English by the language switch (a culture cookie), texts in Resources/Text*.resx.</summary>
    public static WebApplicationBuilder AddPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Only the user's explicit choice counts: a browser set to English still gets Chinese until the switch is used.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        builder.Services.AddSingleton(sp => new PortalClock(sp.GetRequiredService<TimeProvider>(),
            builder.Configuration["Portal:TimeZone"] ?? "Asia/Shanghai"));
        return builder;
    }

    /// <summary>Interactive server-side Blazor with MudBlazor.</summary>
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
            // Friendly messages only; the detail stays in the server log.
            o.DetailedErrors = false);
        builder.Services.AddMudServices();
        // Library assets (MudBlazor's CSS/JS) straight from the build output in every environment; a no-op after publish.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<DeskContext>();
        return builder;
    }

    /// <summary>gRPC clients of the services, each call carrying the signed-in user's access token.</summary>
    public static WebApplicationBuilder AddServiceClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcClient<Registrations.RegistrationsClient>(ServiceAddress("registration")).WithUserToken();
        builder.Services.AddGrpcClient<RegistrationPoints.RegistrationPointsClient>(ServiceAddress("registration")).WithUserToken();
        builder.Services.AddGrpcClient<RegistrationStatistics.RegistrationStatisticsClient>(ServiceAddress("registration")).WithUserToken();
        builder.Services.AddGrpcClient<FamilyCare.V1.Families.FamiliesClient>(ServiceAddress("familycare")).WithUserToken();
        builder.Services.AddGrpcClient<FamilyCare.V1.StudentAid.StudentAidClient>(ServiceAddress("familycare")).WithUserToken();
        builder.Services.AddGrpcClient<FamilyCare.V1.Visits.VisitsClient>(ServiceAddress("familycare")).WithUserToken();
        builder.Services.AddGrpcClient<OrganCoordination.V1.OrganCases.OrganCasesClient>(ServiceAddress("organcoordination")).WithUserToken();
        builder.Services.AddGrpcClient<OrganCoordination.V1.CoordinatorCredentials.CoordinatorCredentialsClient>(ServiceAddress("organcoordination")).WithUserToken();
        builder.Services.AddGrpcClient<Identity.V1.UserAdmin.UserAdminClient>(ServiceAddress("identity")).WithUserToken();
        builder.Services.AddGrpcClient<OrganCoordination.V1.TissueDonationCases.TissueDonationCasesClient>(ServiceAddress("organcoordination")).WithUserToken();
        builder.Services.AddAuditSources(builder.Configuration);
        builder.Services.AddGrpcClient<Hsc.V1.Search.SearchClient>(ServiceAddress("hsc")).WithUserToken();
        builder.Services.AddGrpcClient<Hsc.V1.DonorRequests.DonorRequestsClient>(ServiceAddress("hsc")).WithUserToken();
        builder.Services.AddGrpcClient<Hsc.V1.CollectionCases.CollectionCasesClient>(ServiceAddress("hsc")).WithUserToken();
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        return app;
    }

    // gRPC needs a plain scheme; service discovery resolves the named endpoint "grpc" (services:<name>:grpc:0).
    private static Action<Grpc.Net.ClientFactory.GrpcClientFactoryOptions> ServiceAddress(string service) =>
        o => o.Address = new Uri($"http://_grpc.{service}");

    // A client-scoped interceptor is created in the scope that resolved the client (the user's circuit), so it sees that user.
    private static IHttpClientBuilder WithUserToken(this IHttpClientBuilder client) => client
        .AddInterceptor(InterceptorScope.Client, sp => new UserTokenInterceptor(sp.GetRequiredService<CurrentUser>()));

    private static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet("/account/signin", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapPost("/account/signout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/culture", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (Cultures.Contains(culture, StringComparer.Ordinal))
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }
            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).AllowAnonymous();
    }

    private static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/";
}
