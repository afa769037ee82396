using System.Globalization;

namespace DonationRegistry.Common.PersonalData;

/// <summary>
/// A Chinese resident ID number (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male),
/// and an ISO 7064 MOD 11-2 check character. Holds the normalised number; construct with <see cref="TryParse"/>.
/// </summary>
public sealed record ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, string regionCode, DateOnly birthDate, Sex sex)
    {
        Value = value;
        RegionCode = regionCode;
        BirthDate = birthDate;
        Sex = sex;
    }

    /// <summary>The 18 characters, check character upper-case.</summary>
    public string Value { get; }
    public string RegionCode { get; }
    public DateOnly BirthDate { get; }
    public Sex Sex { get; }

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>Parses and checks a number; <paramref name="error"/> says in English what is wrong when it is not valid.</summary>
    public static bool TryParse(string? input, DateOnly today, out ResidentIdNumber? number, out string error)
    {
        number = null;
        var value = Normalise(input);
        if (value.Length != 18)
        {
            error = "A resident ID number has 18 characters.";
            return false;
        }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = "The first 17 characters of a resident ID number are digits.";
                return false;
            }
        }
        if (value[17] != CheckCharacterOf(value))
        {
            error = "The check character does not match (GB 11643 checksum).";
            return false;
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            error = "Positions 7-14 are not a real birth date.";
            return false;
        }
        if (birth > today)
        {
            error = "The birth date lies in the future.";
            return false;
        }
        var sex = (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        number = new ResidentIdNumber(value, value[..6], birth, sex);
        error = "";
        return true;
    }

    /// <summary>Trims, drops inner spaces and upper-cases the check character, as clerks type numbers in many ways.</summary>
    public static string Normalise(string? input) =>
        string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>The check character the first 17 digits call for.</summary>
    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    public override string ToString() => IdNumberMask.Mask(Value);
}
