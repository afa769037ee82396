using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace DonationRegistry.Hla.Release;

/// <summary>
/// Downloads the WMDA files of one IPD-IMGT/HLA release into a cache folder and loads them. The default source is the ANHIG/IMGTHLA
/// GitHub repository (<c>https://raw.githubusercontent.com/ANHIG/IMGTHLA/&lt;branch&gt;/wmda/hla_nom_g.txt</c>, branch <c>3580</c>
/// for 3.58.0); any server with the same layout works. Files listed in <c>wmda/md5checksum.txt</c> are verified; optional files
/// the server lacks (404) are skipped, as older releases lack them. A release already complete in the cache is not fetched again.
/// </summary>
public sealed class ImgtReleaseDownloader
{
    /// <summary>The repository root the branch is appended to.</summary>
    public static Uri DefaultBaseUri { get; } = new("https://raw.githubusercontent.com/ANHIG/IMGTHLA/");

    // Remote path (under the branch) → local file name the folder loader reads, and whether a release must have it.
    private static readonly (string Remote, string Local, bool Required)[] Files =
    [
        ("Allelelist.txt", "Allelelist.txt", true),
        ("wmda/hla_nom.txt", "hla_nom.txt", true),
        ("wmda/hla_nom_g.txt", "hla_nom_g.txt", true),
        ("wmda/hla_nom_p.txt", "hla_nom_p.txt", true),
        ("wmda/rel_dna_ser.txt", "rel_dna_ser.txt", true),
        ("wmda/rel_ser_ser.txt", "rel_ser_ser.txt", true),
        ("Allele_status.txt", "Allele_status.txt", false),
        ("Deleted_alleles.txt", "Deleted_alleles.txt", false),
        ("Nomenclature_2009.txt", "Nomenclature_2009.txt", false),
        ("tce/dpb_tce.csv", "dpb_tce.csv", false),
        ("release_version.txt", "release_version.txt", false),
    ];

    private const string ChecksumRemote = "wmda/md5checksum.txt";
    private const string ChecksumLocal = "wmda_md5checksum.txt";
    private const string CompleteMarker = ".complete";

    private readonly HttpClient _http;
    private readonly Uri _baseUri;

    public ImgtReleaseDownloader(HttpClient http, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        var root = baseUri ?? DefaultBaseUri;
        _baseUri = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
    }

    /// <summary>The repository branch of a release: its version without dots (<c>3.58.0</c> → <c>3580</c>).</summary>
    public static string BranchOf(string version) => version.Replace(".", "", StringComparison.Ordinal);

    /// <summary>
    /// Makes sure <c>&lt;cacheFolder&gt;/&lt;version&gt;</c> holds the release's files, downloading what is missing, and returns
    /// that folder.
    /// </summary>
    /// <exception cref="InvalidDataException">A file does not match its MD5 checksum.</exception>
    /// <exception cref="HttpRequestException">A required file cannot be fetched.</exception>
    public async Task<string> DownloadAsync(string version, string cacheFolder, string? branch = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var folder = Path.Combine(cacheFolder, version);
        if (File.Exists(Path.Combine(folder, CompleteMarker))) return folder;
        Directory.CreateDirectory(folder);
        var releaseUri = new Uri(_baseUri, (branch ?? BranchOf(version)) + "/");

        var checksums = await FetchChecksumsAsync(releaseUri, folder, cancellationToken);
        foreach (var (remote, local, required) in Files)
        {
            var target = Path.Combine(folder, local);
            using var response = await _http.GetAsync(new Uri(releaseUri, remote), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && !required) continue;
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET {new Uri(releaseUri, remote)} answered {(int)response.StatusCode}", null, response.StatusCode);
            }
            var partial = target + ".part";
            await using (var file = File.Create(partial))
            {
                await response.Content.CopyToAsync(file, cancellationToken);
            }
            if (checksums.TryGetValue(local, out var expected))
            {
                var actual = await Md5Async(partial, cancellationToken);
                if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                {
                    File.Delete(partial);
                    throw new InvalidDataException($"{remote} of release {version}: MD5 {actual} differs from the published {expected}");
                }
            }
            File.Move(partial, target, overwrite: true);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, CompleteMarker), DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        return folder;
    }

    /// <summary>Downloads (when not cached) and loads a release; the files must state the version asked for.</summary>
    public async Task<ImgtRelease> LoadAsync(string version, string cacheFolder, string? branch = null, CancellationToken cancellationToken = default)
    {
        var folder = await DownloadAsync(version, cacheFolder, branch, cancellationToken);
        var release = ImgtReleaseLoader.Load(folder);
        return release.Version == version
            ? release
            : throw new InvalidDataException($"Asked for release {version}, but the downloaded files state {release.Version}");
    }

    // md5checksum.txt lines: "MD5 (hla_nom.txt) = 841e…" or "MD5 (wmda/hla_nom.txt) = …"; keyed by file name.
    private async Task<Dictionary<string, string>> FetchChecksumsAsync(Uri releaseUri, string folder, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var response = await _http.GetAsync(new Uri(releaseUri, ChecksumRemote), cancellationToken);
        if (!response.IsSuccessStatusCode) return result;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, ChecksumLocal), text, cancellationToken);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var open = line.IndexOf('(', StringComparison.Ordinal);
            var close = line.IndexOf(')', StringComparison.Ordinal);
            var equals = line.LastIndexOf('=');
            if (open < 0 || close < open || equals < close) continue;
            var name = line[(open + 1)..close];
            result[name[(name.LastIndexOf('/') + 1)..]] = line[(equals + 1)..].Trim();
        }
        return result;
    }

    private static async Task<string> Md5Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
#pragma warning disable CA5351 // MD5 is what IMGT publishes; it checks transfer integrity, not authenticity.
        var hash = await MD5.HashDataAsync(stream, cancellationToken);
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }
}
