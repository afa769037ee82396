using System.Net;
using System.Text;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// The registration certificate (登记证书) as a file the volunteer keeps: one self-contained HTML page (styles inline, no scripts,
/// UTF-8) that opens and prints in any browser without the Portal. It holds what the printed page holds: the masked ID number only.
/// </summary>
public static class CertificateDocument
{
    /// <param name="language">The page's language (html lang), e.g. zh-CN.</param>
    /// <param name="title">Heading and document title.</param>
    /// <param name="text">The sentence under the heading.</param>
    /// <param name="fields">Label and value of each line (name, masked ID number, scope, number, verification code, issue date).</param>
    /// <param name="footer">The lines below the fields (where to verify, the issuer).</param>
    public static byte[] Html(string language, string title, string text, IReadOnlyList<(string Label, string Value)> fields,
        IReadOnlyList<string> footer)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(language)).Append("\">\n<head>\n<meta charset=\"utf-8\" />\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>")
            .Append("body{font-family:\"Noto Serif CJK SC\",serif;margin:0;padding:1rem}")
            .Append(".certificate{max-width:720px;margin:2rem auto;padding:2.5rem;border:6px double #c8102e}")
            .Append("h1{text-align:center;color:#c8102e;letter-spacing:.3em}")
            .Append("dl{display:grid;grid-template-columns:10em 1fr;gap:.6rem 1rem}dt{font-weight:bold}")
            .Append("</style>\n</head>\n<body>\n<div class=\"certificate\">\n<h1>").Append(Encode(title)).Append("</h1>\n<p>")
            .Append(Encode(text)).Append("</p>\n<dl>\n");
        foreach (var (label, value) in fields)
        {
            html.Append("<dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
        }
        html.Append("</dl>\n");
        foreach (var line in footer)
        {
            html.Append("<p>").Append(Encode(line)).Append("</p>\n");
        }
        html.Append("</div>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
