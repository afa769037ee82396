namespace DonationRegistry.Hsc.Tests;

/// <summary>
/// The IMGT/HLA releases, read in place (never copied into the repository): <c>&lt;repo&gt;/../shared/data/imgt/&lt;version&gt;</c>, found
/// by walking up to the folder holding DonationRegistry.sln; the environment variable HLA_IMGT_FOLDER (the folder of the releases)
/// overrides it.
/// </summary>
public static class ImgtData
{
    public static string Folder(string version)
    {
        var root = Environment.GetEnvironmentVariable("HLA_IMGT_FOLDER");
        if (string.IsNullOrEmpty(root))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln")))
            {
                dir = dir.Parent;
            }
            if (dir?.Parent is null)
            {
                throw new InvalidOperationException("DonationRegistry.sln not found above the test folder; set HLA_IMGT_FOLDER.");
            }
            root = Path.Combine(dir.Parent.FullName, "shared", "data", "imgt");
        }
        return Path.Combine(root, version);
    }

    /// <summary>The HML example shipped with the shared data (read in place).</summary>
    public static string HmlExample()
    {
        var imgt = Folder("3.58.0");
        return Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(imgt)!)!, "hml", "hml_1_0_1-example7-ngsFull.xml");
    }
}
