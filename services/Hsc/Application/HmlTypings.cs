using System.Text;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hla;
using DonationRegistry.Hla.Hml;
using DonationRegistry.Hsc.Domain.Typings;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// An HML 1.0 / 1.0.1 document as typings to record: one per sample (the sample id names the donor: their laboratory sample id or
/// volunteer id), the sample's locus GL Strings joined with <c>^</c>, the method and IMGT release the laboratory reported. The
/// original text of each typing is the whole document (the laboratory's evidence).
/// </summary>
public static class HmlTypings
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public static IReadOnlyList<TypingInput> Read(ReadOnlyMemory<byte> hml)
    {
        if (hml.Length == 0 || hml.Length > MaxBytes)
        {
            throw new ValidationFailedException("hml", $"Send an HML document of 1 byte to {MaxBytes / 1024 / 1024} MB.", "请上传 HML 文件。");
        }
        HmlDocument document;
        try
        {
            using var stream = new MemoryStream(hml.ToArray(), writable: false);
            document = HmlReader.Read(stream);
        }
        catch (HlaTypingException ex)
        {
            throw new ValidationFailedException("hml", TypingCommands.Describe(ex), "HML 文件无法读取。");
        }
        var text = Encoding.UTF8.GetString(hml.Span);
        var inputs = new List<TypingInput>(document.Samples.Count);
        for (var i = 0; i < document.Samples.Count; i++)
        {
            var sample = document.Samples[i];
            var field = $"hml.samples[{i}]";
            if (sample.Typings.Count == 0)
            {
                throw new ValidationFailedException(field, $"'{sample.SampleId}': the sample carries no typing.", "样本没有分型结果。");
            }
            var glString = string.Join('^', sample.Typings.Select(t => t.GlString));
            var method = sample.Typings.Select(t => MethodOf(t.Method)).FirstOrDefault(m => m != TypingMethod.Unknown);
            var release = sample.Typings.Select(t => t.AlleleVersion).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            inputs.Add(new TypingInput(field, null, sample.SampleId, TypingSource.Hml, text, glString, method,
                release is { Length: <= 16 } ? release : null));
        }
        return inputs;
    }

    /// <summary>The method from HML's method names ("SBT-NGS", "SBT-Sanger", "SSO", "SSP", …).</summary>
    public static TypingMethod MethodOf(string? method) => (method ?? "").ToUpperInvariant() switch
    {
        var m when m.Contains("NGS", StringComparison.Ordinal) => TypingMethod.Ngs,
        var m when m.Contains("SBT", StringComparison.Ordinal) || m.Contains("SANGER", StringComparison.Ordinal) => TypingMethod.Sbt,
        var m when m.Contains("SSO", StringComparison.Ordinal) => TypingMethod.Sso,
        var m when m.Contains("SSP", StringComparison.Ordinal) => TypingMethod.Ssp,
        var m when m.Contains("SER", StringComparison.Ordinal) => TypingMethod.Serology,
        _ => TypingMethod.Unknown,
    };
}
