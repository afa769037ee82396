using DonationRegistry.Registration;
using DonationRegistry.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication(audience: DonationRegistry.Common.Scopes.Registration);
builder.AddGrpcDefaults();
builder.AddRegistrationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapRegistrationApi();
app.Run();
