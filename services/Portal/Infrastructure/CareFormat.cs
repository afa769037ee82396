using System.Globalization;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Money and week arithmetic of the family-care pages (money is kept in fen, 1/100 yuan, as the service keeps it).</summary>
public static class CareFormat
{
    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Parses what a person types as yuan ("200", "200.5", "¥1,200") into fen; false for anything else.</summary>
    public static bool TryParseYuan(string? text, out long fen)
    {
        fen = 0;
        var cleaned = (text ?? "").Trim().TrimStart('¥', '￥').Replace(",", "", StringComparison.Ordinal);
        if (cleaned.Length == 0)
        {
            return true;
        }
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) || yuan < 0
            || decimal.Round(yuan, 2) != yuan || yuan > 1_000_000m)
        {
            return false;
        }
        fen = (long)(yuan * 100);
        return true;
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseIso(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The id part of a resource name ("families/abc" → "abc").</summary>
    public static string Id(string resourceName) => resourceName[(resourceName.LastIndexOf('/') + 1)..];

    /// <summary>A short, non-identifying label for a family (its id's first characters; names stay on the family page).</summary>
    public static string ShortId(string resourceName)
    {
        var id = Id(resourceName);
        return id.Length > 8 ? id[..8] : id;
    }
}
