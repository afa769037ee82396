using System.Globalization;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>Input checks shared by the aggregates; each failure names the field as the client sends it.</summary>
public static class Require
{
    public static string Text(string field, string? value, int maxLength, string localized)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength)
        {
            throw new ValidationFailedException(field,
                string.Create(CultureInfo.InvariantCulture, $"A value of 1–{maxLength} characters is required."), localized);
        }
        return value.Trim();
    }

    public static string? OptionalText(string field, string? value, int maxLength, string localized)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return Text(field, value, maxLength, localized);
    }

    public static T Defined<T>(string field, T value, string localized) where T : struct, Enum =>
        Enum.IsDefined(value) && Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0
            ? value
            : throw new ValidationFailedException(field, $"'{value}' is not a known {typeof(T).Name}.", localized);

    public static void That(bool condition, string field, string description, string localized)
    {
        if (!condition)
        {
            throw new ValidationFailedException(field, description, localized);
        }
    }
}
