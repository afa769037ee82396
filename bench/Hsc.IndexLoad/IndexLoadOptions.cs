using System.Globalization;

namespace DonationRegistry.Hsc.IndexLoad;

/// <summary>Command-line settings of the index-load benchmark.</summary>
internal sealed record IndexLoadOptions(int Donors, int Runs, int Seed, string DataFolder, string ImgtFolder, string? WriteTo)
{
    public static IndexLoadOptions? Parse(string[] args)
    {
        var repository = RepositoryRoot();
        var options = new IndexLoadOptions(3_500_000, 3, 4, Path.Combine(Path.GetTempPath(), "dr-hsc-index-bench"),
            Path.GetFullPath(Path.Combine(repository, "..", "shared", "data", "imgt", "3.58.0")), null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--donors" when int.TryParse(value, CultureInfo.InvariantCulture, out var donors) && donors > 0:
                    options = options with { Donors = donors }; i++; break;
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out var runs) && runs > 0:
                    options = options with { Runs = runs }; i++; break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed }; i++; break;
                case "--data" when value is not null:
                    options = options with { DataFolder = Path.GetFullPath(value) }; i++; break;
                case "--imgt" when value is not null:
                    options = options with { ImgtFolder = Path.GetFullPath(value) }; i++; break;
                case "--write" when value is not null:
                    options = options with { WriteTo = Path.GetFullPath(value) }; i++; break;
                default:
                    Console.Error.WriteLine($"Unknown or malformed argument '{args[i]}'. Usage: --donors N --runs N --seed N --data DIR --imgt DIR --write FILE");
                    return null;
            }
        }
        return options;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
