using DonationRegistry.FamilyCare;
using DonationRegistry.FamilyCare.Seeding;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication(audience: DonationRegistry.Common.Scopes.FamilyCare);
builder.AddGrpcDefaults();
builder.AddFamilyCareServices();
builder.AddDemoCareSeeding();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapFamilyCareApi();
app.MapAuditTrail<DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext>();   // who read or changed which person's data (protos/audit.proto)
app.Run();
