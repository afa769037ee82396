namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>The collection procedure's registrations (called from the service's Extensions.cs).</summary>
public static class CollectionRegistrations
{
    public static WebApplicationBuilder AddCollectionCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CollectionOptions>().Bind(builder.Configuration.GetSection(CollectionOptions.Section))
            .Validate(o => o.FollowUpDays is null || o.FollowUpDays.All(d => d is > 0 and <= 3650), "Collection:FollowUpDays must be 1–3650.")
            .Validate(o => o.ExpectedDays.Values.All(d => d > 0), "Collection:ExpectedDays must be positive.")
            .Validate(o => o.ReminderInterval > TimeSpan.Zero && o.ReminderLeadDays >= 0, "Collection:ReminderInterval must be positive.")
            .Validate(o => o.Cities.Keys.All(Common.RegionCodes.IsZhejiang), "Collection:Cities are keyed by Zhejiang region codes.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new CollectionClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddScoped<CollectionCommands>();
        builder.Services.AddScoped<CollectionQueries>();
        builder.Services.AddScoped<FollowUpReminderSweep>();
        builder.Services.AddHostedService<FollowUpReminders>();
        return builder;
    }
}
