using DonationRegistry.Registration;
using DonationRegistry.Registration.Seeding;
using DonationRegistry.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication(audience: DonationRegistry.Common.Scopes.Registration);
builder.AddGrpcDefaults();
builder.AddRegistrationServices();
builder.AddDemoDataSeeding();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapRegistrationApi();
app.MapAuditTrail<DonationRegistry.Registration.Infrastructure.RegistrationDbContext>();   // who read or changed which person's data (protos/audit.proto)
app.Run();
