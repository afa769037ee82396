using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>
/// The shared HML examples (read in place, never copied): <c>&lt;repo&gt;/../shared/data/hml</c>, or the folder named by the
/// environment variable <c>HLA_HML_FOLDER</c>.
/// </summary>
internal static class HmlTestFiles
{
    public static string Folder => ImgtData.HmlFolder;

    public static string Example101 => Path.Combine(Folder, "hml_1_0_1-example7-ngsFull.xml");
}
