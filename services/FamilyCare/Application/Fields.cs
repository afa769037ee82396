using System.Globalization;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// Collects every bad field of a request before anything is written, then fails once with all of them (INVALID_ARGUMENT with one
/// field violation each). Resource names are "{collection}/{uuid}".
/// </summary>
public sealed class Fields
{
    private readonly List<FieldViolation> _violations = [];

    public bool Any => _violations.Count > 0;

    public void Add(string field, string description) => _violations.Add(new FieldViolation(field, description));

    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new ValidationFailedException([.. _violations], "输入有误，请检查标出的字段。");
        }
    }

    /// <summary>The UUID in "{collection}/{uuid}"; Guid.Empty (and a violation) when malformed.</summary>
    public Guid Name(string? name, string collection, string field)
    {
        var prefix = collection + "/";
        if (name is not null && name.StartsWith(prefix, StringComparison.Ordinal) &&
            Guid.TryParseExact(name.AsSpan(prefix.Length), "D", out var id) && id != Guid.Empty)
        {
            return id;
        }
        Add(field, $"Must be \"{collection}/{{uuid}}\".");
        return Guid.Empty;
    }

    public Guid Uuid(string? text, string field)
    {
        if (Guid.TryParseExact(text, "D", out var id) && id != Guid.Empty)
        {
            return id;
        }
        Add(field, "Must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
        return Guid.Empty;
    }

    public string Text(string? text, string field, int max, int min = 1)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length < min || trimmed.Length > max)
        {
            Add(field, min > 0 ? $"Required, {min}–{max} characters." : $"At most {max} characters.");
        }
        return trimmed;
    }

    public DateOnly Date(string? text, string field)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        Add(field, "Must be a date YYYY-MM-DD.");
        return default;
    }

    public DateOnly? OptionalDate(string? text, string field) => string.IsNullOrEmpty(text) ? null : Date(text, field);

    public T Enum<T>(T value, string field) where T : struct, Enum
    {
        if (Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0 || !System.Enum.IsDefined(value))
        {
            Add(field, "Required; must be one of the listed values.");
        }
        return value;
    }

    public int Range(int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            Add(field, $"Must be between {min} and {max}.");
        }
        return value;
    }

    /// <summary>Fen (1/100 yuan) as yuan; must be positive (or zero when allowed).</summary>
    public decimal Yuan(long fen, string field, bool allowZero = false)
    {
        if (fen < 0 || (fen == 0 && !allowZero) || fen > 100_000_000_00)
        {
            Add(field, allowZero ? "Must be 0 or more fen." : "Must be a positive amount of fen.");
        }
        return fen / 100m;
    }

    public string Region(string? code, string field)
    {
        if (!RegionCodes.IsZhejiang(code))
        {
            Add(field, "Must be a Zhejiang region code (GB/T 2260), e.g. 330106.");
        }
        return code ?? "";
    }

    public string Phone(string? text, string field)
    {
        var phone = text?.Trim() ?? "";
        if (phone.Length is < 5 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
        {
            Add(field, "Must be a phone number: digits, '-', '+', 5–20 characters.");
        }
        return phone;
    }
}
