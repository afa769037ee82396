using DonationRegistry.OrganCoordination;
using DonationRegistry.OrganCoordination.Seeding;
using DonationRegistry.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication(audience: DonationRegistry.Common.Scopes.Organ);
builder.AddGrpcDefaults();
builder.AddOrganCoordinationServices();
builder.AddDemoDataSeeding();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapOrganCoordinationApi();
app.MapAuditTrail<DonationRegistry.OrganCoordination.Infrastructure.OrganDbContext>();   // who read or changed which person's data (protos/audit.proto)
app.Run();
