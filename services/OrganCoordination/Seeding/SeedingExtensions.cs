namespace DonationRegistry.OrganCoordination.Seeding;

/// <summary>Registers the demo-data seeder when <c>OrganCoordination:SeedDemoData</c> is true (the AppHost sets it in Development).</summary>
public static class SeedingExtensions
{
    public const string SettingName = "OrganCoordination:SeedDemoData";

    /// <summary>Call after <c>AddOrganCoordinationServices</c> (so the migrations, a hosted service too, run first).</summary>
    public static WebApplicationBuilder AddDemoDataSeeding(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(SettingName, false))
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }
        return builder;
    }
}
