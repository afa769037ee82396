using System.Text.RegularExpressions;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.Registration.Domain;

/// <summary>Field checks shared by the aggregates' validation.</summary>
public static partial class Text
{
    public static void Required(List<FieldViolation> violations, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(new(field, "Required."));
        }
        else if (value.Trim().Length > maxLength)
        {
            violations.Add(new(field, $"At most {maxLength} characters."));
        }
    }

    public static void Optional(List<FieldViolation> violations, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            violations.Add(new(field, $"At most {maxLength} characters."));
        }
    }

    public static bool IsPhone(string? value) => value is not null && PhonePattern().IsMatch(value.Trim());

    public static bool IsMobile(string? value) => value is not null && MobilePattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();
}
