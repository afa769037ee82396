using System.Text;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// A small CSV writer for the reports the Portal offers for download (RFC 4180 quoting, UTF-8 with BOM so Excel in Chinese
/// opens it correctly).
/// </summary>
public static class CsvReport
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A data: address for an &lt;a download&gt; link (no script needed; reports are small).</summary>
    public static string DataUri(byte[] content, string mediaType = "text/csv") =>
        $"data:{mediaType};charset=utf-8;base64,{Convert.ToBase64String(content)}";

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(Quote(cells[i]));
        }
        text.Append("\r\n");
    }

    // Quotes what needs it; a leading = + - @ is prefixed with ' so a spreadsheet never runs a cell as a formula.
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
