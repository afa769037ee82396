using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace DonationRegistry.Hla.Release;

/// <summary>
/// Reads one IPD-IMGT/HLA release from a folder of WMDA files. Required: Allelelist.txt, hla_nom.txt, hla_nom_g.txt,
/// hla_nom_p.txt, rel_dna_ser.txt, rel_ser_ser.txt. Optional (older releases such as 3.44.0 lack them; the features they feed
/// are listed in <see cref="ImgtRelease.UnavailableFeatures"/>): Allele_status.txt, Deleted_alleles.txt, Nomenclature_2009.txt,
/// dpb_tce.csv (or tce/dpb_tce.csv). The version comes from the files' <c># version:</c> headers, never from the folder name.
/// </summary>
public static partial class ImgtReleaseLoader
{
    /// <summary>The files a release must have.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } =
        ["Allelelist.txt", "hla_nom.txt", "hla_nom_g.txt", "hla_nom_p.txt", "rel_dna_ser.txt", "rel_ser_ser.txt"];

    /// <summary>The files used when present.</summary>
    public static IReadOnlyList<string> OptionalFiles { get; } =
        ["Allele_status.txt", "Deleted_alleles.txt", "Nomenclature_2009.txt", "dpb_tce.csv", "release_version.txt"];

    /// <summary>Loads the release in <paramref name="folder"/>.</summary>
    /// <exception cref="FileNotFoundException">A required file is missing.</exception>
    /// <exception cref="InvalidDataException">The files are malformed or state different versions.</exception>
    public static ImgtRelease Load(string folder)
    {
        foreach (var required in RequiredFiles)
        {
            if (!File.Exists(Path.Combine(folder, required)))
            {
                throw new FileNotFoundException($"IMGT/HLA release folder '{folder}' lacks {required}", Path.Combine(folder, required));
            }
        }

        var version = ReadVersion(folder);
        var unavailable = ImmutableArray.CreateBuilder<string>();

        // The files are independent: parse them side by side (about half the wall time on two cores).
        var gGroupsTask = Task.Run(() => ReadGroups(Path.Combine(folder, "hla_nom_g.txt")));
        var pGroupsTask = Task.Run(() => ReadGroups(Path.Combine(folder, "hla_nom_p.txt")));
        var serologyTask = Task.Run(() => ReadRelDnaSer(Path.Combine(folder, "rel_dna_ser.txt")));
        var hlaNomTask = Task.Run(() => ReadHlaNom(Path.Combine(folder, "hla_nom.txt")));
        var statusPath = Path.Combine(folder, "Allele_status.txt");
        var statusTask = File.Exists(statusPath) ? Task.Run(() => ReadAlleleStatus(statusPath)) : null;
        if (statusTask is null)
        {
            unavailable.Add("Allele_status.txt missing: GDna grades degrade to CDna (full genomic sequence unknown).");
        }
        var names = ReadAlleleList(Path.Combine(folder, "Allelelist.txt"));
        var gGroups = Await(gGroupsTask);
        var pGroups = Await(pGroupsTask);
        var serology = Await(serologyTask);
        var fullGenomic = statusTask is null ? null : Await(statusTask);

        var alleles = ImmutableArray.CreateBuilder<ImgtAllele>(names.Count);
        foreach (var name in names)
        {
            alleles.Add(new ImgtAllele(
                name,
                gGroups.GetValueOrDefault(name),
                pGroups.GetValueOrDefault(name),
                serology.GetValueOrDefault(name) ?? SerologyAssignment.None,
                fullGenomic is null ? null : fullGenomic.GetValueOrDefault(name)));
        }

        var (deleted, antigens, deletedAntigens) = Await(hlaNomTask);
        var deletedPath = Path.Combine(folder, "Deleted_alleles.txt");
        if (File.Exists(deletedPath))
        {
            MergeDeletedAlleles(deletedPath, deleted);
        }
        else
        {
            unavailable.Add("Deleted_alleles.txt missing: replacements of deleted alleles come from hla_nom.txt only.");
        }

        var pre2010Path = Path.Combine(folder, "Nomenclature_2009.txt");
        FrozenDictionary<string, string?> pre2010;
        if (File.Exists(pre2010Path))
        {
            pre2010 = ReadNomenclature2009(pre2010Path);
        }
        else
        {
            pre2010 = FrozenDictionary<string, string?>.Empty;
            unavailable.Add("Nomenclature_2009.txt missing: pre-2010 names are read by digit splitting only (A*0201 → A*02:01).");
        }

        var tcePath = Path.Combine(folder, "dpb_tce.csv");
        if (!File.Exists(tcePath)) tcePath = Path.Combine(folder, "tce", "dpb_tce.csv");
        FrozenDictionary<string, TceAssignment> tce;
        if (File.Exists(tcePath))
        {
            tce = ReadTce(tcePath);
        }
        else
        {
            tce = FrozenDictionary<string, TceAssignment>.Empty;
            unavailable.Add("dpb_tce.csv missing: DPB1 T-cell-epitope groups are unknown (no permissive/non-permissive scoring).");
        }

        return new ImgtRelease(
            version,
            alleles.ToImmutable(),
            deleted.ToFrozenDictionary(StringComparer.Ordinal),
            pre2010,
            antigens,
            deletedAntigens,
            ReadRelSerSer(Path.Combine(folder, "rel_ser_ser.txt")),
            tce,
            unavailable.ToImmutable());
    }

    /// <summary>
    /// The version stated by the files' headers (<c># version: IPD-IMGT/HLA 3.58.0</c>); every file that states one must agree.
    /// </summary>
    public static string ReadVersion(string folder)
    {
        string? version = null;
        string? versionFile = null;
        foreach (var file in RequiredFiles.Concat(OptionalFiles))
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) continue;
            var stated = ReadHeaderVersion(path);
            if (stated is null) continue;
            if (version is null)
            {
                version = stated;
                versionFile = file;
            }
            else if (version != stated)
            {
                throw new InvalidDataException($"Release folder '{folder}' mixes versions: {versionFile} says {version}, {file} says {stated}");
            }
        }
        return version ?? throw new InvalidDataException($"No file in '{folder}' states its release version (# version: header)");
    }

    private static string? ReadHeaderVersion(string path)
    {
        foreach (var line in File.ReadLines(path).Take(20))
        {
            if (!line.Contains("version", StringComparison.OrdinalIgnoreCase) && !line.Contains("release", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var match = VersionPattern().Match(line);
            if (match.Success) return match.Value;
        }
        return null;
    }

    // Unwraps the task's exception so callers see the loader's own FileNotFound/InvalidData exceptions.
    private static T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static IEnumerable<string> DataLines(string path) =>
        File.ReadLines(path).Where(line => line.Length > 0 && line[0] != '#').Select(line => line.TrimEnd('\r', '\t', ' '));

    private static List<string> ReadAlleleList(string path)
    {
        var names = new List<string>(45_000);
        foreach (var line in DataLines(path))
        {
            var parts = line.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0] == "AlleleID") continue;
            var name = parts[1];
            if (!name.Contains('*', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: '{line}' has no allele name");
            }
            names.Add(name);
        }
        return names;
    }

    // hla_nom_g.txt / hla_nom_p.txt: "A*;01:01:01:01/01:01:01:03;01:01:01G"; a line with an empty group names one allele in no group.
    private static Dictionary<string, string> ReadGroups(string path)
    {
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in DataLines(path))
        {
            var parts = line.Split(';');
            if (parts.Length < 3 || parts[2].Length == 0) continue;
            var gene = parts[0];
            var group = gene + parts[2];
            foreach (var member in parts[1].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                groupOf[gene + member] = group;
            }
        }
        return groupOf;
    }

    private static Dictionary<string, SerologyAssignment> ReadRelDnaSer(string path)
    {
        var result = new Dictionary<string, SerologyAssignment>(StringComparer.Ordinal);
        foreach (var line in DataLines(path))
        {
            var parts = line.Split(';');
            if (parts.Length < 3) continue;
            result[parts[0] + parts[1]] = new SerologyAssignment(
                parts[2].Trim(),
                parts.Length > 3 ? parts[3].Trim() : "",
                parts.Length > 4 ? parts[4].Trim() : "",
                parts.Length > 5 ? parts[5].Trim() : "");
        }
        return result;
    }

    private static Dictionary<string, bool> ReadAlleleStatus(string path)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var line in DataLines(path))
        {
            var parts = line.Split(',');
            if (parts.Length < 8 || parts[0] == "Allele") continue;
            result[parts[0]] = parts[6] == "Full" && parts[7] == "gDNA";
        }
        return result;
    }

    private static (Dictionary<string, DeletedAllele> Deleted, ImmutableArray<string> Antigens, FrozenDictionary<string, string?> DeletedAntigens)
        ReadHlaNom(string path)
    {
        var deleted = new Dictionary<string, DeletedAllele>(StringComparer.Ordinal);
        var antigens = ImmutableArray.CreateBuilder<string>();
        var deletedAntigens = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in DataLines(path))
        {
            var parts = line.Split(';');
            if (parts.Length < 4) continue;
            var isAllele = parts[0].EndsWith('*');
            var name = parts[0] + parts[1];
            var isDeleted = parts[3].Length > 0;
            var replacement = parts.Length > 4 && parts[4].Length > 0 ? parts[0] + parts[4] : null;
            if (isAllele)
            {
                if (isDeleted) deleted[name] = new DeletedAllele(name, replacement, parts.Length > 5 ? parts[5] : "deleted");
            }
            else if (isDeleted)
            {
                deletedAntigens[name] = replacement;
            }
            else
            {
                antigens.Add(name);
            }
        }
        return (deleted, antigens.ToImmutable(), deletedAntigens.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static void MergeDeletedAlleles(string path, Dictionary<string, DeletedAllele> deleted)
    {
        foreach (var line in DataLines(path))
        {
            var parts = line.Split(',', 3);
            if (parts.Length < 3 || parts[0] == "AlleleID") continue;
            var name = parts[1];
            var description = parts[2].Trim().Trim('"');
            var match = ReplacementPattern().Match(description);
            var replacement = match.Success ? match.Groups[1].Value : null;
            if (deleted.TryGetValue(name, out var known))
            {
                deleted[name] = known with
                {
                    Replacement = known.Replacement ?? replacement,
                    Reason = description,
                };
            }
            else
            {
                deleted[name] = new DeletedAllele(name, replacement, description);
            }
        }
    }

    private static FrozenDictionary<string, string?> ReadNomenclature2009(string path)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !parts[0].Contains('*', StringComparison.Ordinal)) continue;
            result[parts[0]] = parts[1] == "None" ? null : parts[1];
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ImmutableArray<SerologyRelation> ReadRelSerSer(string path)
    {
        var result = ImmutableArray.CreateBuilder<SerologyRelation>();
        foreach (var line in DataLines(path))
        {
            var parts = line.Split(';');
            if (parts.Length < 3) continue;
            var locus = parts[0];
            result.Add(new SerologyRelation(
                locus + parts[1],
                [.. parts[2].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => locus + s)],
                parts.Length > 3 ? [.. parts[3].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => locus + s)] : []));
        }
        return result.ToImmutable();
    }

    private static FrozenDictionary<string, TceAssignment> ReadTce(string path)
    {
        var result = new Dictionary<string, TceAssignment>(StringComparer.Ordinal);
        foreach (var line in DataLines(path))
        {
            var parts = line.Split(',');
            if (parts.Length < 4 || parts[0] == "Allele") continue;
            result[parts[0]] = new TceAssignment(parts[0], parts[1], parts[2].Trim(), parts[3].Trim());
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\d+\.\d+\.\d+(\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"(?:renamed|identical to)\s+(?:corrected\s+)?([A-Z0-9]+\*[0-9:]+[A-Z]?)", RegexOptions.CultureInvariant)]
    private static partial Regex ReplacementPattern();
}
