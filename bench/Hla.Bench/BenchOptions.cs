using System.Globalization;

namespace DonationRegistry.Hla.Bench;

/// <summary>Command-line options of the search benchmark.</summary>
internal sealed record BenchOptions(int Donors, int Patients, int Seed, string ImgtFolder, int PageSize, int Parallelism, int Repeats)
{
    public static BenchOptions? Parse(string[] args)
    {
        int donors = 95_000, patients = 100, seed = 4, pageSize = 20, parallelism = Environment.ProcessorCount, repeats = 3;
        string? imgt = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--donors": donors = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--patients": patients = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--imgt": imgt = Value(); break;
                case "--page-size": pageSize = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--parallelism": parallelism = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--repeats": repeats = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; options: --donors N --patients N --seed N --imgt FOLDER --page-size N --parallelism N --repeats N");
                    return null;
            }
        }
        imgt ??= Environment.GetEnvironmentVariable("HLA_IMGT_FOLDER") is { Length: > 0 } fromEnv
            ? Path.Combine(fromEnv, "3.58.0")
            : Path.Combine(RepositoryRoot(), "..", "shared", "data", "imgt", "3.58.0");
        return new BenchOptions(donors, patients, seed, Path.GetFullPath(imgt), pageSize, parallelism, repeats);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("DonationRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
