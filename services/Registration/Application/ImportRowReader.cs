using System.Globalization;
using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Reads the rows of an import file by header name (<see cref="ImportColumns"/>) into <see cref="ImportedRow"/>s. It only turns
/// spreadsheet words into values (证件类型, 性别, 捐献类型, 捐献范围, 执行人类型, yes/no, dates); every rule about the values is left
/// to the same validation CreateRegistration runs.
/// </summary>
public sealed class ImportRowReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];
    private readonly Dictionary<string, int> _columns;

    private ImportRowReader(Dictionary<string, int> columns) => _columns = columns;

    /// <summary>Checks the header; throws INVALID_ARGUMENT on field <c>csv</c> naming every missing or repeated column.</summary>
    public static ImportRowReader For(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length > 0 && !columns.TryAdd(header[i], i) && ImportColumns.All.Contains(header[i]))
            {
                repeated.Add(header[i]);
            }
        }
        var missing = ImportColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0 || repeated.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add("missing column(s) " + string.Join(", ", missing));
            }
            if (repeated.Count > 0)
            {
                problems.Add("repeated column(s) " + string.Join(", ", repeated.Distinct()));
            }
            throw new ValidationFailedException("csv", "The header row does not fit the import template: " + string.Join("; ", problems) + ".",
                "表头与导入模板不符：" + string.Join("；", missing.Select(m => "缺少“" + m + "”").Concat(repeated.Distinct().Select(r => "重复“" + r + "”"))) + "。");
        }
        return new ImportRowReader(columns);
    }

    /// <summary>The row's values, or the problems that keep it from being read (each with its column).</summary>
    public (ImportedRow? Row, IReadOnlyList<ImportRowProblem> Problems) Read(CsvRecord record)
    {
        var problems = new List<ImportRowProblem>();
        void Problem(string column, string reason) => problems.Add(new ImportRowProblem(record.Row, column, reason));

        var idType = Lookup(ImportColumns.IdType, ImportColumns.IdTypes, IdType.ResidentId, Problem);
        DateOnly? birth = null;
        var birthText = Value(ImportColumns.BirthDate);
        if (birthText.Length > 0)
        {
            if (DateOnly.TryParseExact(birthText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                birth = day;
            }
            else
            {
                Problem(ImportColumns.BirthDate, "Not a date (YYYY-MM-DD).");
            }
        }
        var sex = Lookup(ImportColumns.Sex, ImportColumns.Sexes, Sex.Unknown, Problem);
        var programmeText = Value(ImportColumns.Programme);
        Programme programme = default;
        if (programmeText.Length == 0)
        {
            Problem(ImportColumns.Programme, "Required (器官 or 遗体组织).");
        }
        else if (!ImportColumns.Programmes.TryGetValue(programmeText, out programme))
        {
            Problem(ImportColumns.Programme, $"Unknown programme \"{programmeText}\" (器官 or 遗体组织).");
        }

        var scope = new List<DonationScope>();
        foreach (var item in Value(ImportColumns.Scope).Split([.. ImportColumns.ScopeSeparators], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ImportColumns.Scopes.TryGetValue(item, out var s))
            {
                scope.Add(s);
            }
            else
            {
                Problem(ImportColumns.Scope, $"Unknown scope item \"{item}\".");
            }
        }

        ContactForm? contact = null;
        var (contactName, relation, contactPhone) = (Value(ImportColumns.ContactName), Value(ImportColumns.ContactRelation), Value(ImportColumns.ContactPhone));
        if (contactName.Length > 0 || relation.Length > 0 || contactPhone.Length > 0)
        {
            contact = new ContactForm(contactName, relation, contactPhone);
        }

        ExecutorForm? executor = null;
        var (executorKind, executorName, executorPhone) = (Value(ImportColumns.ExecutorKind), Value(ImportColumns.ExecutorName), Value(ImportColumns.ExecutorPhone));
        if (executorKind.Length > 0 || executorName.Length > 0 || executorPhone.Length > 0)
        {
            ExecutorKind kind = default;
            if (executorKind.Length > 0 && !ImportColumns.ExecutorKinds.TryGetValue(executorKind, out kind))
            {
                Problem(ImportColumns.ExecutorKind, $"Unknown executor kind \"{executorKind}\" (亲属, 工作单位, 居委会 or 养老机构).");
            }
            executor = new ExecutorForm(kind, executorName, executorPhone);
        }

        var sensitive = Consent(ImportColumns.SensitiveDataConsent, Problem);
        var transfer = Consent(ImportColumns.TransferConsent, Problem);
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var person = new PersonForm(Value(ImportColumns.FullName), idType, Value(ImportColumns.IdNumber), birth, sex,
            Value(ImportColumns.Phone), NullIfEmpty(Value(ImportColumns.Address)));
        return (new ImportedRow(record.Row, person, programme, scope, contact, executor, sensitive, transfer), problems);

        string Value(string column) =>
            _columns.TryGetValue(column, out var index) && index < record.Fields.Count ? record.Fields[index].Trim() : "";

        T Lookup<T>(string column, IReadOnlyDictionary<string, T> words, T empty, Action<string, string> problem)
        {
            var text = Value(column);
            if (text.Length == 0)
            {
                return empty;
            }
            if (words.TryGetValue(text, out var value))
            {
                return value;
            }
            problem(column, $"Unknown value \"{text}\"; allowed: {string.Join(", ", words.Keys)}.");
            return empty;
        }

        bool Consent(string column, Action<string, string> problem)
        {
            var text = Value(column);
            if (text.Length == 0)
            {
                return false;
            }
            if (ImportColumns.YesNo.TryGetValue(text, out var yes))
            {
                return yes;
            }
            problem(column, $"Unknown value \"{text}\" (是 or 否).");
            return false;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
