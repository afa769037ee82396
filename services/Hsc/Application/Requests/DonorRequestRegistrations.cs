using Microsoft.Extensions.DependencyInjection;

namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>The donor request workflow's registrations (called from the service's Extensions.cs).</summary>
public static class DonorRequestRegistrations
{
    public static WebApplicationBuilder AddDonorRequests(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DonorRequestOptions>().Bind(builder.Configuration.GetSection(DonorRequestOptions.Section))
            .Validate(o => o.MaxUndecidedAttempts is >= 1 and <= 20, "Hsc:Requests:MaxUndecidedAttempts must be 1–20.")
            .Validate(o => o.MinimumConfirmatoryMatches is >= Domain.Requests.ConfirmatoryComparison.LowestMinimum and <= 10,
                "Hsc:Requests:MinimumConfirmatoryMatches must be 8–10.")
            .ValidateOnStart();
        builder.Services.AddScoped<DonorReservations>();
        builder.Services.AddScoped<DonorRequestCommands>();
        builder.Services.AddScoped<DonorRequestQueries>();
        return builder;
    }
}
