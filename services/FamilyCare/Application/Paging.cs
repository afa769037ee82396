namespace DonationRegistry.FamilyCare.Application;

/// <summary>Keyset paging over <see cref="PageTokens"/>: the token holds the sort key of the last row returned.</summary>
internal static class Paging
{
    /// <summary>The parts of the key in <paramref name="token"/> ('|'-separated), or null for the first page.</summary>
    public static string[]? After(string? token, int parts)
    {
        if (PageTokens.Decode(token) is not { } key)
        {
            return null;
        }
        var split = key.Split('|');
        return split.Length == parts ? split : throw BadToken();
    }

    public static Guid Id(string text) => Guid.TryParseExact(text, "D", out var id) ? id : throw BadToken();

    /// <summary>Cuts the one extra row fetched off <paramref name="rows"/>; the next token is the key of the last row kept.</summary>
    public static (List<T> Page, string? Next) Cut<T>(List<T> rows, int size, Func<T, string> key)
    {
        if (rows.Count <= size)
        {
            return (rows, null);
        }
        rows.RemoveRange(size, rows.Count - size);
        return (rows, PageTokens.Encode(key(rows[^1])));
    }

    public static ValidationFailedException BadToken() => new("page_token", "Not a page token this service issued.");
}
