namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>GB/T 2260 region codes as the Zhejiang Red Cross uses them: province 330000, cities 33xx00, counties 33xxyy.</summary>
public static class RegionCodes
{
    public const string Province = "330000";

    public static bool IsValid(string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit) && code.StartsWith("33", StringComparison.Ordinal);

    /// <summary>The prefix that selects everything inside <paramref name="code"/>: 330000 → "33", 330100 → "3301", 330106 → "330106".</summary>
    public static string ScopePrefix(string code) =>
        code == Province ? "33" : code.EndsWith("00", StringComparison.Ordinal) ? code[..4] : code;

    /// <summary>Whether <paramref name="code"/> lies inside <paramref name="scope"/> (the province contains all, a city its counties).</summary>
    public static bool Contains(string scope, string code) => code.StartsWith(ScopePrefix(scope), StringComparison.Ordinal);
}
