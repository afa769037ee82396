using System.Globalization;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>Keyset page tokens of "newest first" lists: the last item's time and id.</summary>
public static class PageKeys
{
    public static string Encode(DateTimeOffset at, Guid id) =>
        PageTokens.Encode(string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}|{id}"));

    /// <summary>The key in <paramref name="token"/>, null for the first page; INVALID_ARGUMENT (page_token) for a foreign token.</summary>
    public static (DateTimeOffset At, Guid Id)? Decode(string? token)
    {
        if (PageTokens.Decode(token) is not { } key)
        {
            return null;
        }
        var parts = key.Split('|');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && Guid.TryParse(parts[1], out var id) && ticks is >= 0 and <= 3155378975999999999)
        {
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        throw new ValidationFailedException("page_token", "Not a page token this service issued.");
    }
}
