using System.Text;
using Xunit;
using DonationRegistry.Hla.Release;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>The HTTP release loader against a loopback server with the ANHIG/IMGTHLA layout (no internet).</summary>
public sealed class ImgtReleaseDownloaderTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "imgt-cache-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task LoadAsync_WhenServerHasTheRelease_DownloadsVerifiesAndLoads()
    {
        using var server = new LocalFileServer(new Dictionary<string, string> { ["3580"] = ImgtData.Folder("3.58.0") });
        var downloader = new ImgtReleaseDownloader(_http, server.BaseUri);

        var release = await downloader.LoadAsync("3.58.0", _cache);

        Assert.Equal("3.58.0", release.Version);
        Assert.Equal(41_433, release.Alleles.Length);
        Assert.Empty(release.UnavailableFeatures);
        Assert.Contains("/3580/wmda/hla_nom_g.txt", server.Requests);
        Assert.Contains("/3580/wmda/md5checksum.txt", server.Requests);
        Assert.Contains("/3580/tce/dpb_tce.csv", server.Requests);
        Assert.Contains("/3580/Allelelist.txt", server.Requests);
        Assert.True(File.Exists(Path.Combine(_cache, "3.58.0", "hla_nom_p.txt")));
    }

    [Fact]
    public async Task LoadAsync_WhenAlreadyCached_AsksTheServerNothing()
    {
        using var server = new LocalFileServer(new Dictionary<string, string> { ["3580"] = ImgtData.Folder("3.58.0") });
        var downloader = new ImgtReleaseDownloader(_http, server.BaseUri);
        await downloader.LoadAsync("3.58.0", _cache);
        var asked = server.Requests.Count;

        var again = await downloader.LoadAsync("3.58.0", _cache);

        Assert.Equal("3.58.0", again.Version);
        Assert.Equal(asked, server.Requests.Count);
    }

    [Fact]
    public async Task DownloadAsync_WhenFileDiffersFromItsChecksum_RefusesIt()
    {
        using var server = new LocalFileServer(
            new Dictionary<string, string> { ["3580"] = ImgtData.Folder("3.58.0") },
            (path, bytes) => path.EndsWith("hla_nom_p.txt", StringComparison.Ordinal) ? [.. bytes, .. Encoding.ASCII.GetBytes("X")] : bytes);
        var downloader = new ImgtReleaseDownloader(_http, server.BaseUri);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => downloader.DownloadAsync("3.58.0", _cache));

        Assert.Contains("wmda/hla_nom_p.txt", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cache, "3.58.0", "hla_nom_p.txt")));
        Assert.False(File.Exists(Path.Combine(_cache, "3.58.0", ".complete")));
    }

    [Fact]
    public async Task LoadAsync_WhenOlderReleaseLacksOptionalFiles_LoadsAndNamesWhatIsMissing()
    {
        using var server = new LocalFileServer(new Dictionary<string, string> { ["3440"] = ImgtData.Folder("3.44.0") });
        var downloader = new ImgtReleaseDownloader(_http, server.BaseUri);

        var release = await downloader.LoadAsync("3.44.0", _cache);

        Assert.Equal("3.44.0", release.Version);
        Assert.Equal(4, release.UnavailableFeatures.Length);
        Assert.Contains("/3440/Allele_status.txt", server.Requests);
    }

    [Fact]
    public async Task LoadAsync_WhenFilesStateAnotherVersion_Refuses()
    {
        using var server = new LocalFileServer(new Dictionary<string, string> { ["3570"] = ImgtData.Folder("3.58.0") });
        var downloader = new ImgtReleaseDownloader(_http, server.BaseUri);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => downloader.LoadAsync("3.57.0", _cache));

        Assert.Contains("3.58.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAsync_WhenRequiredFileMissing_FailsWithTheAddress()
    {
        using var server = new LocalFileServer(new Dictionary<string, string> { ["3580"] = ImgtData.Folder("3.58.0") });
        var downloader = new ImgtReleaseDownloader(_http, server.BaseUri);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => downloader.DownloadAsync("3.58.0", _cache, branch: "9999"));

        Assert.Contains("/9999/", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.58.0", "3580")]
    [InlineData("3.44.0", "3440")]
    [InlineData("3.60.1", "3601")]
    public void BranchOf_WhenVersion_DropsTheDots(string version, string branch) =>
        Assert.Equal(branch, ImgtReleaseDownloader.BranchOf(version));

    [Fact]
    public void DefaultBaseUri_IsTheImgthlaRepository() =>
        Assert.Equal("https://raw.githubusercontent.com/ANHIG/IMGTHLA/", ImgtReleaseDownloader.DefaultBaseUri.AbsoluteUri);
}
