using DonationRegistry.Hla.Tool;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tool.Tests.Cli;

/// <summary>
/// Runs <c>hla</c> in-process against the real IMGT/HLA 3.58.0 release (read in place). The release without a MAC table is loaded
/// once for all tests; any other folder or a MAC file goes through the tool's real loader.
/// </summary>
internal static class CliRun
{
    public static string Release358 { get; } = Path.Combine(ImgtData.RootFolder, "3.58.0");

    private static readonly Lazy<HlaNomenclature> Cached = new(() => HlaCli.LoadRelease(Release358, null));

    public static (int Code, string Out, string Err) RunWithInput(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = HlaCli.Run(args, input, output, error, Load);
        return (code, output.ToString(), error.ToString());
    }

    public static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput("", args);

    private static HlaNomenclature Load(string folder, string? mac) =>
        mac is null && folder == Release358 ? Cached.Value : HlaCli.LoadRelease(folder, mac);
}
