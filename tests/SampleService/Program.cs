using DonationRegistry.SampleService;
using DonationRegistry.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication(audience: "registration");
builder.AddGrpcDefaults();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapGrpcService<SampleGrpcService>();
app.Run();
