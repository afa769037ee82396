using System.Globalization;

namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>
/// A school term: the autumn term of <see cref="Year"/> (August–January, half 1) or the spring term of the following calendar year
/// (February–July, half 2). <see cref="Year"/> is the school year it starts, so "2026-1" is autumn 2026 and "2026-2" spring 2027.
/// </summary>
public readonly record struct SchoolTerm(int Year, int Half) : IComparable<SchoolTerm>
{
    public static SchoolTerm Containing(DateOnly day) => day.Month switch
    {
        >= 8 => new SchoolTerm(day.Year, 1),
        1 => new SchoolTerm(day.Year - 1, 1),
        _ => new SchoolTerm(day.Year - 1, 2),
    };

    public DateOnly StartsOn => Half == 1 ? new DateOnly(Year, 8, 1) : new DateOnly(Year + 1, 2, 1);

    public DateOnly EndsOn => Half == 1 ? new DateOnly(Year + 1, 1, 31) : new DateOnly(Year + 1, 7, 31);

    public static bool TryParse(string? text, out SchoolTerm term)
    {
        term = default;
        if (text is not { Length: 6 } || text[4] != '-' ||
            !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            text[5] is not ('1' or '2') || year < 2000)
        {
            return false;
        }
        term = new SchoolTerm(year, text[5] - '0');
        return true;
    }

    public static SchoolTerm Parse(string text) =>
        TryParse(text, out var term) ? term : throw new FormatException($"'{text}' is not a school term (YYYY-1 or YYYY-2).");

    public int CompareTo(SchoolTerm other) => (Year, Half).CompareTo((other.Year, other.Half));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Half}");

    public static bool operator <(SchoolTerm left, SchoolTerm right) => left.CompareTo(right) < 0;
    public static bool operator <=(SchoolTerm left, SchoolTerm right) => left.CompareTo(right) <= 0;
    public static bool operator >(SchoolTerm left, SchoolTerm right) => left.CompareTo(right) > 0;
    public static bool operator >=(SchoolTerm left, SchoolTerm right) => left.CompareTo(right) >= 0;
}
