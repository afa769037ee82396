using DonationRegistry.Hla.Hml;

namespace DonationRegistry.Hla.Tool;

/// <summary>
/// <c>hla hml</c>: reads an HML file as the HSC service would and lists its typings, one line per sample and locus; with a release,
/// also says whether each GL String can be interpreted. A check for laboratories before they upload.
/// </summary>
internal static class HmlCommand
{
    public static readonly string[] Options = ["file", "release", "schema", "mac"];

    /// <summary>Writes the typings; returns the number of typings the release cannot interpret.</summary>
    public static int Write(HmlDocument document, HlaNomenclature? nomenclature, TextWriter output)
    {
        var errors = 0;
        output.WriteLine(nomenclature is null
            ? "sample\tlocus\tglstring\tmethod\tallele-version\tdate"
            : $"sample\tlocus\tglstring\tmethod\tallele-version\tdate\t{nomenclature.Release}");
        foreach (var sample in document.Samples)
        {
            foreach (var typing in sample.Typings)
            {
                output.Write(string.Join('\t', sample.SampleId, typing.Locus, typing.GlString, typing.Method ?? "", typing.AlleleVersion ?? "",
                    typing.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                if (nomenclature is not null)
                {
                    try
                    {
                        nomenclature.ParseGlString(typing.GlString);
                        output.Write("\tOK");
                    }
                    catch (HlaTypingException error)
                    {
                        errors++;
                        output.Write("\tERROR\t");
                        output.Write(error.Message.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '));
                    }
                }
                output.WriteLine();
            }
        }
        return errors;
    }
}
