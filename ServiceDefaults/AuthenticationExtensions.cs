using DonationRegistry.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// Validates access tokens issued by the Identity service (OpenIddict, signed JWT) and defines one policy per scope.
/// Authority: <c>Identity:Authority</c>, else the discovered <c>services:identity:http:0</c> endpoint the AppHost injects.
/// Audience: <c>Identity:Audience</c>, else the service's scope name passed here.
/// </summary>
public static class AuthenticationExtensions
{
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder, string audience)
        where TBuilder : IHostApplicationBuilder
    {
        var config = builder.Configuration;
        var authority = IdentityAuthority(config)
            ?? throw new InvalidOperationException(
                "No token issuer configured: set Identity:Authority or services:identity:http:0 (the AppHost sets the latter).");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.Authority = authority;
                o.RequireHttpsMetadata = config.GetValue("Identity:RequireHttpsMetadata", false);
                o.MapInboundClaims = false;
                o.TokenValidationParameters.ValidAudience = config["Identity:Audience"] ?? audience;
                o.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
                o.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                // OpenIddict marks access tokens with typ "at+jwt".
                o.TokenValidationParameters.ValidTypes = ["at+jwt", "JWT"];
            });

        builder.Services.AddAuthorizationBuilder()
            // Every endpoint not marked otherwise needs a signed-in caller whose token carries this service's scope (the audience
            // alone is checked by the bearer handler; the scope is the grant the user or client was actually given).
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(ctx => ctx.User.HasScope(audience)).Build())
            .AddScopePolicies();
        return builder;
    }

    /// <summary>The issuer URL from configuration, or null when none is configured.</summary>
    public static string? IdentityAuthority(IConfiguration config) =>
        config["Identity:Authority"] ?? config["services:identity:http:0"];

    private static Microsoft.AspNetCore.Authorization.AuthorizationBuilder AddScopePolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder auth)
    {
        foreach (var scope in Scopes.All)
        {
            auth.AddPolicy(ScopePolicy.For(scope), p => p.RequireAuthenticatedUser().RequireAssertion(ctx => ctx.User.HasScope(scope)));
        }
        return auth;
    }
}
