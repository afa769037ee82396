namespace DonationRegistry.Registration.Seeding;

/// <summary>Registers the demo-data seeder when <c>Registration:SeedDemoData</c> is true (the AppHost sets it in Development).</summary>
public static class SeedingExtensions
{
    public const string SettingName = "Registration:SeedDemoData";

    /// <summary>Call after <c>AddRegistrationServices</c> (so the migrations, a hosted service too, run first).</summary>
    public static WebApplicationBuilder AddDemoDataSeeding(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(SettingName, false))
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }
        return builder;
    }
}
