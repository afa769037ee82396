using DonationRegistry.Hla.Release;

namespace DonationRegistry.Hla.Tests.Support;

/// <summary>
/// One shared nomenclature per release for the whole test run (loading takes about a second), with the fixture MAC table.
/// </summary>
public static class Nomenclatures
{
    private static readonly Lazy<MacTable> FixtureMacs = new(() => MacTable.Load(MacFixturePath));
    private static readonly Lazy<HlaNomenclature> Current = new(() => new HlaNomenclature(ImgtReleaseLoader.Load(ImgtData.Folder("3.58.0")), FixtureMacs.Value));
    private static readonly Lazy<HlaNomenclature> Older = new(() => new HlaNomenclature(ImgtReleaseLoader.Load(ImgtData.Folder("3.44.0")), FixtureMacs.Value));

    /// <summary>Release 3.58.0 with the fixture MAC table.</summary>
    public static HlaNomenclature V3580 => Current.Value;

    /// <summary>Release 3.44.0 with the fixture MAC table.</summary>
    public static HlaNomenclature V3440 => Older.Value;

    /// <summary>The nomenclature of a release by version.</summary>
    public static HlaNomenclature Of(string version) => version switch
    {
        "3.58.0" => V3580,
        "3.44.0" => V3440,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "only 3.58.0 and 3.44.0 are shared"),
    };

    /// <summary>The MAC fixture table (NMDP layout, written for these tests).</summary>
    public static string MacFixturePath => Path.Combine(ImgtData.RepositoryFolder, "tests", "Hla.Tests", "Nomenclature", "Fixtures", "mac-fixture.txt");

    /// <summary>The MAC fixture table.</summary>
    public static MacTable Macs => FixtureMacs.Value;
}
