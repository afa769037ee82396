using System.Text;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.Common;

/// <summary>Page sizes and opaque page tokens (the sort key of the last item returned, base64url) for list and search rpcs.</summary>
public static class PageTokens
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>The page size to use: default when 0, at most <see cref="MaxSize"/>; INVALID_ARGUMENT when negative.</summary>
    public static int Size(int requested) => requested switch
    {
        < 0 => throw new ValidationFailedException("page_size", "Must not be negative."),
        0 => DefaultSize,
        > MaxSize => MaxSize,
        _ => requested,
    };

    public static string Encode(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key in <paramref name="token"/>, null for the first page; INVALID_ARGUMENT on a token we did not issue.</summary>
    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw new ValidationFailedException("page_token", "Not a page token this service issued.");
        }
    }
}
