namespace DonationRegistry.FamilyCare.Seeding;

/// <summary>Two counties/districts (GB/T 2260) of each Zhejiang city where the demo families live.</summary>
internal static class DemoCounties
{
    public static IReadOnlyDictionary<string, string[]> OfCity { get; } = new Dictionary<string, string[]>
    {
        ["330100"] = ["330106", "330110"], ["330200"] = ["330203", "330212"], ["330300"] = ["330302", "330303"],
        ["330400"] = ["330402", "330411"], ["330500"] = ["330502", "330503"], ["330600"] = ["330602", "330603"],
        ["330700"] = ["330702", "330703"], ["330800"] = ["330802", "330803"], ["330900"] = ["330902", "330903"],
        ["331000"] = ["331002", "331003"], ["331100"] = ["331102", "331121"],
    };
}
