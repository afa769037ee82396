using System.Text;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Typings;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// The typing CSV format (docs/hsc-donor-pool.md): UTF-8, a header row, one donor per row. Columns (case-insensitive, any order):
/// <c>sample_id</c> (the laboratory sample id or the volunteer id; required), one column per position <c>A_1, A_2, B_1, B_2, C_1,
/// C_2, DRB1_1, DRB1_2, DQB1_1, DQB1_2, DPB1_1, DPB1_2</c> (A_1, B_1 and DRB1_1 required), and optional <c>method</c> (SSO, SSP,
/// SBT, NGS, serology) and <c>release</c>. A cell holds one typing with or without the locus (<c>A*01:01</c> or <c>01:01</c>; an
/// allele string, MAC, XX code or serology as written); an empty second cell means homozygous (the same as the first); both empty
/// means the locus is untyped.
/// </summary>
public static class CsvTypings
{
    private static readonly string[] LocusNames = ["A", "B", "C", "DRB1", "DQB1", "DPB1"];
    private static readonly string[] RequiredColumns = ["SAMPLE_ID", "A_1", "B_1", "DRB1_1"];

    public static IReadOnlyList<TypingInput> Read(ReadOnlyMemory<byte> csv, int maxRows)
    {
        var text = Encoding.UTF8.GetString(csv.Span).TrimStart('\uFEFF');
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count < 2)
        {
            throw new ValidationFailedException("csv", "Send a header row and at least one donor row.", "CSV 文件没有数据行。");
        }
        if (lines.Count - 1 > maxRows)
        {
            throw new ValidationFailedException("csv", $"At most {maxRows} rows per file.", $"每个文件最多 {maxRows} 行。");
        }
        var header = Split(lines[0]).Select(h => h.Trim().ToUpperInvariant()).ToList();
        var column = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
        var missing = RequiredColumns.Where(c => !column.ContainsKey(c)).ToList();
        var unknown = header.Where(h => h.Length > 0 && !Known(h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new ValidationFailedException("csv.header",
                (missing.Count > 0 ? $"Missing column(s): {string.Join(", ", missing)}. " : "") +
                (unknown.Count > 0 ? $"Unknown column(s): {string.Join(", ", unknown.Select(u => $"'{u}'"))}." : ""),
                "CSV 表头不正确。");
        }
        var inputs = new List<TypingInput>();
        var violations = new List<FieldViolation>();
        for (var row = 1; row < lines.Count; row++)
        {
            if (lines[row].Trim().Length == 0)
            {
                continue;
            }
            var cells = Split(lines[row]);
            string Cell(string name) => column.TryGetValue(name, out var i) && i < cells.Count ? cells[i].Trim() : "";
            var field = $"csv.rows[{row}]";
            if (cells.Count > header.Count)
            {
                violations.Add(new FieldViolation(field, $"'{lines[row]}': {cells.Count} cells, the header has {header.Count}."));
                continue;
            }
            var sampleId = Cell("SAMPLE_ID");
            if (sampleId.Length == 0)
            {
                violations.Add(new FieldViolation(field + ".sample_id", "'': the sample id is empty."));
                continue;
            }
            var loci = new List<string>();
            foreach (var locus in LocusNames)
            {
                var first = Qualify(locus, Cell(locus + "_1"));
                var second = Qualify(locus, Cell(locus + "_2"));
                if (first.Length == 0 && second.Length == 0)
                {
                    continue;
                }
                if (first.Length == 0)
                {
                    violations.Add(new FieldViolation($"{field}.{locus}_1", $"'{second}': {locus}_2 is filled but {locus}_1 is empty."));
                    continue;
                }
                loci.Add(first + "+" + (second.Length == 0 ? first : second));
            }
            var methodText = Cell("METHOD");
            var method = methodText.Length == 0 ? TypingMethod.Unknown : HmlTypings.MethodOf(methodText);
            if (methodText.Length > 0 && method == TypingMethod.Unknown)
            {
                violations.Add(new FieldViolation($"{field}.method", $"'{methodText}': expected SSO, SSP, SBT, NGS or serology."));
            }
            var release = Cell("RELEASE");
            inputs.Add(new TypingInput(field, null, sampleId, TypingSource.Csv, lines[row], string.Join('^', loci), method,
                release.Length is > 0 and <= 16 ? release : null));
        }
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations, "CSV 内容有误，请检查标出的行。");
        }
        return inputs;
    }

    private static bool Known(string column) =>
        column is "SAMPLE_ID" or "METHOD" or "RELEASE" || LocusNames.Any(l => column == l + "_1" || column == l + "_2");

    /// <summary>Adds the locus to a typing written without it (<c>01:01</c> → <c>A*01:01</c>).</summary>
    private static string Qualify(string locus, string cell) =>
        cell.Length > 0 && char.IsAsciiDigit(cell[0]) ? $"{locus}*{cell}" : cell;

    /// <summary>Splits one line at commas, honouring double quotes.</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        cells.Add(current.ToString());
        return cells;
    }
}
