using System.Text.RegularExpressions;
using DonationRegistry.Common;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.Identity.Domain;

/// <summary>
/// The input rules for users. Each check reports a violation under the field name the caller used (the proto's field path), so a
/// whole request is checked at once and every problem is reported together.
/// </summary>
public static partial class UserRules
{
    public const int MinPasswordLength = 8;

    /// <summary>The two leading digits of GB/T 2260 codes that name a province-level division (incl. Taiwan, Hong Kong, Macao).</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ];

    /// <summary>Normalises a user name the way it is stored (trimmed, lower case).</summary>
    public static string NormalizeUserName(string? userName) => (userName ?? "").Trim().ToLowerInvariant();

    public static void CheckUserName(string userName, string field, List<FieldViolation> violations)
    {
        if (userName.Length == 0)
        {
            violations.Add(new FieldViolation(field, "The user name is required."));
        }
        else if (!UserNamePattern().IsMatch(userName))
        {
            violations.Add(new FieldViolation(field,
                "The user name must be 3 to 64 characters of lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."));
        }
    }

    public static void CheckDisplayName(string displayName, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            violations.Add(new FieldViolation(field, "The display name is required."));
        }
        else if (displayName.Length > 100)
        {
            violations.Add(new FieldViolation(field, "The display name must be at most 100 characters."));
        }
    }

    public static void CheckPassword(string? password, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            violations.Add(new FieldViolation(field, $"The password must be at least {MinPasswordLength} characters."));
        }
    }

    /// <summary>Checks role, organisation and region, each under <paramref name="prefix"/> (e.g. "user." or "").</summary>
    public static void CheckAssignment(string role, string orgType, string orgId, string region, string prefix, List<FieldViolation> violations)
    {
        if (!Roles.People.Contains(role, StringComparer.Ordinal))
        {
            violations.Add(new FieldViolation(prefix + "role",
                $"Unknown role '{role}'; expected one of: {string.Join(", ", Roles.People)}."));
        }
        if (!OrgTypePattern().IsMatch(orgType))
        {
            violations.Add(new FieldViolation(prefix + "org_type",
                "The organisation type is required: lower-case letters and '_', e.g. registration_point, city, province, hospital."));
        }
        if (!OrgIdPattern().IsMatch(orgId))
        {
            violations.Add(new FieldViolation(prefix + "org_id",
                "The organisation id is required: 1 to 64 letters, digits, '.', '_' or '-', e.g. RP-330100-0001."));
        }
        if (!IsRegionCode(region))
        {
            violations.Add(new FieldViolation(prefix + "region",
                $"'{region}' is not a GB/T 2260 region code: six digits starting with a province code, e.g. 330100."));
        }
    }

    /// <summary>Six digits whose first two name a province-level division.</summary>
    public static bool IsRegionCode(string? region) =>
        region is { Length: 6 } && region.All(char.IsAsciiDigit) && Provinces.Contains(region[..2]);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[a-z][a-z_]{1,31}$")]
    private static partial Regex OrgTypePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex OrgIdPattern();
}
