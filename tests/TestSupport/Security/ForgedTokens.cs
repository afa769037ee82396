using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DonationRegistry.Identity.Infrastructure;
using DonationRegistry.TestSupport.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// Bad variants of a real access token, for the security probes (issue #9): the same claims expired, signed with another key,
/// unsigned (<c>alg: none</c>), for another audience, without the service's scope, or altered after signing. Where a variant must be
/// validly signed to test one thing only, it is signed with the test Identity server's own key.
/// </summary>
public sealed class ForgedTokens(IdentityServer identity)
{
    /// <summary>Every variant with the status a protected rpc must answer.</summary>
    public IEnumerable<(string Name, string Token, Grpc.Core.StatusCode Expected)> All(string realToken, string scope) =>
    [
        ("expired", Expired(realToken), Grpc.Core.StatusCode.Unauthenticated),
        ("signed with another key", SignedWithAnotherKey(realToken), Grpc.Core.StatusCode.Unauthenticated),
        ("alg none", WithAlgNone(realToken), Grpc.Core.StatusCode.Unauthenticated),
        ("another audience", ForAnotherAudience(realToken), Grpc.Core.StatusCode.Unauthenticated),
        ("altered after signing", Altered(realToken), Grpc.Core.StatusCode.Unauthenticated),
        ("missing the scope", WithoutScope(realToken, scope), Grpc.Core.StatusCode.PermissionDenied),
    ];

    public string Expired(string token) => Sign(Claims(token), RealKey(), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));

    public string SignedWithAnotherKey(string token)
    {
        // Same key id as the real key, so only the signature can tell them apart.
        var other = new RsaSecurityKey(RSA.Create(2048)) { KeyId = RealKey().KeyId };
        return Sign(Claims(token), other);
    }

    public static string WithAlgNone(string token)
    {
        var payload = token.Split('.')[1];
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        return $"{header}.{payload}.";
    }

    public string ForAnotherAudience(string token)
    {
        var claims = Claims(token);
        claims["aud"] = "someone-else";
        return Sign(claims, RealKey());
    }

    public string WithoutScope(string token, string scope)
    {
        var claims = Claims(token);
        if (claims.TryGetValue("scope", out var value) && value is string scopes)
        {
            claims["scope"] = string.Join(' ', scopes.Split(' ').Where(s => s != scope));
        }
        return Sign(claims, RealKey());
    }

    /// <summary>The payload changed (role → administrator, or registry officer for an administrator's token, so the payload
    /// always differs) and the original signature kept.</summary>
    public static string Altered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var altered = payload.ToDictionary(p => p.Key, p => (object)p.Value);
        var isAdministrator = payload.TryGetValue("role", out var role) && role.ToString().Contains("administrator", StringComparison.Ordinal);
        altered["role"] = isAdministrator ? "registry_officer" : "administrator";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(altered))}.{parts[2]}";
    }

    private RsaSecurityKey RealKey() => KeyStore.LoadOrCreate(identity.KeysPath, KeyStore.SigningKeyFile);

    private static Dictionary<string, object> Claims(string token)
    {
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1])))!;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in payload)
        {
            if (name is "exp" or "nbf" or "iat") continue; // set by Sign
            claims[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetInt64(),
                JsonValueKind.Array => value.EnumerateArray().Select(v => v.ToString()).ToList(),
                _ => value.ToString(),
            };
        }
        return claims;
    }

    private static string Sign(Dictionary<string, object> claims, SecurityKey key, DateTime? notBefore = null, DateTime? expires = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            TokenType = "at+jwt",
            NotBefore = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            IssuedAt = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(30),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
