namespace DonationRegistry.FamilyCare.Seeding;

/// <summary>Registers the demo-data seeder when <c>FamilyCare:SeedDemoData</c> is true (by default in Development, as under the AppHost).</summary>
public static class SeedingExtensions
{
    public const string SettingName = "FamilyCare:SeedDemoData";

    /// <summary>Call after <c>AddFamilyCareServices</c>, so the migrations run first.</summary>
    public static WebApplicationBuilder AddDemoCareSeeding(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(SettingName, builder.Environment.IsDevelopment()))
        {
            builder.Services.AddSingleton<DemoCareData>();
            builder.Services.AddHostedService<DemoCareSeeder>();
        }
        return builder;
    }
}
