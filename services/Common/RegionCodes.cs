namespace DonationRegistry.Common;

/// <summary>GB/T 2260 region codes as the Zhejiang Red Cross uses them: province 330000, cities 33xx00, counties 33xxyy.</summary>
public static class RegionCodes
{
    public const string Province = "330000";

    /// <summary>The 11 cities of Zhejiang (DOMAIN.md section 1).</summary>
    public static IReadOnlyDictionary<string, string> Cities { get; } = new Dictionary<string, string>
    {
        ["330100"] = "杭州", ["330200"] = "宁波", ["330300"] = "温州", ["330400"] = "嘉兴", ["330500"] = "湖州", ["330600"] = "绍兴",
        ["330700"] = "金华", ["330800"] = "衢州", ["330900"] = "舟山", ["331000"] = "台州", ["331100"] = "丽水",
    };

    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    public static bool IsZhejiang(string? code) =>
        IsWellFormed(code) && code!.StartsWith("33", StringComparison.Ordinal) && (code == Province || Cities.ContainsKey(CityOf(code)));

    /// <summary>The city a county code belongs to (330106 → 330100); a city or the province is its own.</summary>
    public static string CityOf(string code) => code == Province ? Province : code[..4] + "00";

    /// <summary>The prefix that selects everything inside <paramref name="code"/>: 330000 → "33", 330100 → "3301", 330106 → "330106".</summary>
    public static string ScopePrefix(string code) =>
        code == Province ? "33" : code.EndsWith("00", StringComparison.Ordinal) ? code[..4] : code;

    /// <summary>Whether <paramref name="code"/> lies inside <paramref name="scope"/> (the province contains all, a city its counties).</summary>
    public static bool Contains(string scope, string code) => code.StartsWith(ScopePrefix(scope), StringComparison.Ordinal);
}
