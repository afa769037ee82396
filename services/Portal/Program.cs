using DonationRegistry.Portal;
using DonationRegistry.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPortalSignIn();
builder.AddPortalLocalization();
builder.AddPortalUi();
builder.AddServiceClients();

var app = builder.Build();
app.UsePortalPipeline();
app.MapDefaultEndpoints();
app.MapPortalEndpoints();
app.Run();
