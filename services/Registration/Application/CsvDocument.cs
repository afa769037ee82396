using System.Text;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// A CSV file as spreadsheets save it (RFC 4180): UTF-8 with or without a byte-order mark, comma-separated, fields optionally in
/// double quotes (a quote inside doubled, commas and line breaks allowed inside), CRLF or LF line ends. The first record is the
/// header. Records are numbered as the spreadsheet numbers its rows (header = 1), which is what the import report shows; blank
/// records are skipped.
/// </summary>
public sealed class CsvDocument
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private CsvDocument(IReadOnlyList<string> header, IReadOnlyList<CsvRecord> records)
    {
        Header = header;
        Records = records;
    }

    /// <summary>Column names, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data records (not the header), in file order.</summary>
    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>Parses <paramref name="bytes"/>; throws INVALID_ARGUMENT on field <paramref name="field"/> when it is no CSV.</summary>
    public static CsvDocument Parse(ReadOnlySpan<byte> bytes, string field = "csv")
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationFailedException(field, "The file is not UTF-8 (save the spreadsheet as \"CSV UTF-8\").",
                "文件不是 UTF-8 编码，请在表格软件中另存为“CSV UTF-8”格式。");
        }

        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var value = new StringBuilder();
        var number = 1;
        var i = 0;
        var inQuotes = false;
        var quotedField = false;
        while (i <= text.Length)
        {
            if (i == text.Length)
            {
                if (inQuotes)
                {
                    throw new ValidationFailedException(field, $"Row {number}: a quoted field is not closed.", $"第 {number} 行：引号未闭合。");
                }
                EndRecord();
                break;
            }
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        value.Append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                }
                else
                {
                    value.Append(c);
                }
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when value.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    EndRecord();
                    break;
                default:
                    value.Append(c);
                    break;
            }
            i++;
        }

        if (records.Count == 0)
        {
            throw new ValidationFailedException(field, "The file is empty: a header row is required.", "文件为空，须包含表头行。");
        }
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        return new CsvDocument(header, records.Skip(1).ToList());

        void EndField()
        {
            fields.Add(quotedField ? value.ToString() : value.ToString().Trim());
            value.Clear();
            quotedField = false;
        }

        void EndRecord()
        {
            EndField();
            if (fields.Any(f => f.Length > 0))
            {
                records.Add(new CsvRecord(number, [.. fields]));
            }
            fields.Clear();
            number++;
        }
    }
}
