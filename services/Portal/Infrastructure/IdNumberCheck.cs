using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// The check shown while a clerk types a resident ID number: GB 11643 through <see cref="ResidentIdNumber"/> (the one
/// implementation), with the age and sex it gives, or the localisation key of what is wrong.
/// </summary>
public sealed record IdNumberCheck(bool Complete, ResidentIdNumber? Number, string? ErrorKey, int Length)
{
    private static readonly Dictionary<string, string> ErrorKeys = new(StringComparer.Ordinal)
    {
        ["A resident ID number has 18 characters."] = "IdCheck.Length",
        ["The first 17 characters of a resident ID number are digits."] = "IdCheck.Digits",
        ["The check character does not match (GB 11643 checksum)."] = "IdCheck.Checksum",
        ["Positions 7-14 are not a real birth date."] = "IdCheck.BirthDate",
        ["The birth date lies in the future."] = "IdCheck.Future",
    };

    public static IdNumberCheck Of(string? input, DateOnly today)
    {
        var value = ResidentIdNumber.Normalise(input);
        if (value.Length == 0)
        {
            return new IdNumberCheck(false, null, null, 0);
        }
        // While typing, only a character that can never be right is an error; the full checks wait for the 18th character.
        if (value.Length < 18)
        {
            var bad = value.Any(c => !char.IsAsciiDigit(c));
            return new IdNumberCheck(false, null, bad ? "IdCheck.Digits" : null, value.Length);
        }
        if (ResidentIdNumber.TryParse(value, today, out var number, out var error))
        {
            return new IdNumberCheck(true, number, null, value.Length);
        }
        return new IdNumberCheck(true, null, ErrorKeys.GetValueOrDefault(error, "IdCheck.Invalid"), value.Length);
    }
}
