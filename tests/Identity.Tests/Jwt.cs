using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace DonationRegistry.Identity.Tests;

/// <summary>Reads a JWT's header and payload without validating it (the tests look at what the server put in).</summary>
internal static class Jwt
{
    public static JsonElement Header(string token) => Part(token, 0);

    public static JsonElement Payload(string token) => Part(token, 1);

    /// <summary>A claim that may be a string or an array of strings (e.g. <c>aud</c>).</summary>
    public static string[] Values(JsonElement payload, string claim) =>
        !payload.TryGetProperty(claim, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
        : [value.GetString()!];

    public static string? String(JsonElement payload, string claim) =>
        payload.TryGetProperty(claim, out var value) ? value.GetString() : null;

    private static JsonElement Part(string token, int index)
    {
        var json = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[index]));
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
