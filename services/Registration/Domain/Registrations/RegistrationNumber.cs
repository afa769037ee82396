using System.Globalization;
using System.Security.Cryptography;

namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>
/// Human-readable registration numbers, per region and year: <c>ZJ-330100-2026-000123-7</c>, where the last character is an
/// ISO 7064 MOD 11-2 check over the region, year and sequence digits (the same scheme as the resident ID number), so a mistyped
/// number is caught before any look-up.
/// </summary>
public static class RegistrationNumber
{
    private const string CheckCharacters = "10X98765432";
    // Unambiguous when read aloud or handwritten: no 0/O, 1/I/L.
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string Format(string regionCode, int year, long sequence)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{regionCode}{year:0000}{sequence:000000}");
        return string.Create(CultureInfo.InvariantCulture, $"ZJ-{regionCode}-{year:0000}-{sequence:000000}-{Check(digits)}");
    }

    public static bool IsWellFormed(string? number)
    {
        if (number is null || number.Length != 23 || !number.StartsWith("ZJ-", StringComparison.Ordinal))
        {
            return false;
        }
        var parts = number.Split('-');
        if (parts.Length != 5 || parts[1].Length != 6 || parts[2].Length != 4 || parts[3].Length != 6 || parts[4].Length != 1)
        {
            return false;
        }
        var digits = parts[1] + parts[2] + parts[3];
        return digits.All(char.IsAsciiDigit) && Check(digits) == parts[4][0];
    }

    /// <summary>A fresh 8-character verification code for a certificate.</summary>
    public static string NewVerificationCode() =>
        string.Create(8, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }
        });

    private static char Check(string digits)
    {
        // ISO 7064 MOD 11-2: weights are 2^(n-i) mod 11 from the left.
        var sum = 0;
        var weight = 1;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            weight = weight * 2 % 11;
            sum += (digits[i] - '0') * weight;
        }
        return CheckCharacters[sum % 11];
    }
}
