namespace DonationRegistry.Hla.Tool.Tests;

/// <summary>
/// The IMGT/HLA releases the tests read in place (never copied): <c>&lt;repo&gt;/../shared/data/imgt</c>, found by walking up from
/// the test binaries to the folder holding DonationRegistry.sln; the environment variable <c>HLA_IMGT_FOLDER</c> overrides it.
/// </summary>
internal static class ImgtTestFolder
{
    public static string Root { get; } = FindRoot();

    public static string Release(string version) => Path.Combine(Root, version);

    /// <summary>The shared HML examples and schema (<c>../shared/data/hml</c>, or <c>HLA_HML_FOLDER</c>).</summary>
    public static string Hml { get; } = Environment.GetEnvironmentVariable("HLA_HML_FOLDER") is { Length: > 0 } configured
        ? configured
        : Path.GetFullPath(Path.Combine(Root, "..", "hml"));

    private static string FindRoot()
    {
        var overridden = Environment.GetEnvironmentVariable("HLA_IMGT_FOLDER");
        if (!string.IsNullOrEmpty(overridden)) return overridden;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "imgt"));
            }
        }
        throw new DirectoryNotFoundException("DonationRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
