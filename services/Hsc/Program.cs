using DonationRegistry.Hsc;
using DonationRegistry.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication(audience: DonationRegistry.Common.Scopes.Hsc);
builder.AddGrpcDefaults();
builder.AddHscServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapHscApi();
app.MapAuditTrail<DonationRegistry.Hsc.Infrastructure.HscDbContext>();   // who read or changed which person's data (protos/audit.proto)
app.Run();
