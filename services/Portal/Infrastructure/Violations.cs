using Microsoft.Extensions.Localization;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Shows a service's field violation in the user's language where the Portal knows the sentence, else as the service said it.</summary>
public static class Violations
{
    public static string? Localise(IStringLocalizer localizer, string? message)
    {
        if (message is null)
        {
            return null;
        }
        var text = localizer["V:" + message];
        return text.ResourceNotFound ? message : text.Value;
    }
}
