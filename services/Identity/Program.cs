using DonationRegistry.Identity;
using DonationRegistry.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();      // telemetry, health, service discovery, resilience
builder.AddGrpcDefaults();         // gRPC, domain-error mapping, JSON transcoding, reflection, gRPC health
builder.AddIdentityDatabase();     // users + OpenIddict store on "identitydb", migrations applied at start
builder.AddTokenServer();          // OpenIddict: flows, scopes, claims, persisted RSA keys, local token validation
builder.AddLoginPage();            // cookie sign-in and the login page's antiforgery
builder.AddAdminApi();             // UserAdmin: administrators with scope "identity"
builder.AddSeeding();              // OAuth clients; demo users in Development

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();         // /health, /alive
app.MapGrpcDefaults();             // gRPC reflection and health
app.MapIdentityEndpoints();        // /connect/authorize|token|logout, /account/login, UserAdmin gRPC

app.Run();

/// <summary>Internal, so test projects that also host another service see only that service's Program.</summary>
internal partial class Program;
