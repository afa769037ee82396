using System.Text.RegularExpressions;
using DonationRegistry.Common;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// The admin user form: the client-side checks mirror Identity's rules (which stay the authority), so most mistakes are shown next
/// to the field before anything is sent. Keys of the result are the proto field names, values the Text.resx keys.
/// </summary>
public sealed partial class AdminUserForm
{
    public const int MinPasswordLength = 8;

    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
    public string Role { get; set; } = "";
    public string OrgType { get; set; } = "";
    public string OrgId { get; set; } = "";
    public string Region { get; set; } = "";

    public Dictionary<string, string> Check(bool creating)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (creating)
        {
            if (!UserNamePattern().IsMatch(UserName.Trim()))
            {
                problems["user_name"] = "Admin.UserName.Help";
            }
            if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 100)
            {
                problems["display_name"] = "Field.Required";
            }
            if (Password.Length < MinPasswordLength)
            {
                problems["password"] = "Admin.Password.Help";
            }
        }
        if (!Roles.People.Contains(Role, StringComparer.Ordinal))
        {
            problems["role"] = "Field.Required";
        }
        if (OrgType.Length == 0)
        {
            problems["org_type"] = "Field.Required";
        }
        if (!OrgIdPattern().IsMatch(OrgId.Trim()))
        {
            problems["org_id"] = "Admin.OrgId.Help";
        }
        if (!RegionPattern().IsMatch(Region.Trim()))
        {
            problems["region"] = "Field.RegionCode.Hint";
        }
        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex OrgIdPattern();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex RegionPattern();
}
