namespace DonationRegistry.Hla.Tests.Support;

/// <summary>
/// Finds the IMGT/HLA release folders the tests read in place: <c>&lt;repo&gt;/../shared/data/imgt/&lt;version&gt;</c>, the repo
/// being the folder holding DonationRegistry.sln above the test binaries; the environment variable HLA_IMGT_FOLDER overrides
/// the parent folder (it holds one sub-folder per release). The one locator of the shared data: Hsc.Tests and Hla.Tool.Tests compile
/// this same file (linked).
/// </summary>
public static class ImgtData
{
    private static readonly Lazy<string> Repository = new(FindRepository);
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The checkout (the folder holding DonationRegistry.sln), for fixtures read from the source tree.</summary>
    public static string RepositoryFolder => Repository.Value;

    /// <summary>The shared HML examples and schema (<c>../shared/data/hml</c> beside the releases, or <c>HLA_HML_FOLDER</c>).</summary>
    public static string HmlFolder => Environment.GetEnvironmentVariable("HLA_HML_FOLDER") is { Length: > 0 } configured
        ? configured
        : Path.GetFullPath(Path.Combine(Root.Value, "..", "hml"));

    /// <summary>The folder holding the release subfolders.</summary>
    public static string RootFolder => Root.Value;

    /// <summary>The folder of one release, e.g. <c>ImgtData.Folder("3.58.0")</c>.</summary>
    public static string Folder(string version)
    {
        var folder = Path.Combine(Root.Value, version);
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"IMGT/HLA release {version} not found in {Root.Value} (set HLA_IMGT_FOLDER)");
    }

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("HLA_IMGT_FOLDER");
        return !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.GetFullPath(Path.Combine(Repository.Value, "..", "shared", "data", "imgt"));
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("DonationRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
