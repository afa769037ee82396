namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>Finds the shared HML examples (read in place, never copied): <c>&lt;repo&gt;/../shared/data/hml</c>.</summary>
internal static class HmlTestFiles
{
    public static string Folder { get; } = FindFolder();

    public static string Example101 => Path.Combine(Folder, "hml_1_0_1-example7-ngsFull.xml");

    private static string FindFolder()
    {
        var overridden = Environment.GetEnvironmentVariable("HLA_HML_FOLDER");
        if (!string.IsNullOrEmpty(overridden)) return overridden;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "hml"));
            }
        }
        throw new DirectoryNotFoundException("DonationRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
