using System.Text;

namespace DonationRegistry.Messaging;

/// <summary>Kebab-casing of the service name used as the queue-name prefix.</summary>
internal static class EndpointNames
{
    /// <summary><c>OrganCoordination</c> → <c>organ-coordination</c>; <c>family_care</c> → <c>family-care</c>.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && text.Length > 0 && text[^1] != '-' && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    text.Append('-');
                }
                text.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsLetterOrDigit(c))
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }
        var result = text.ToString().Trim('-');
        return result.Length > 0 ? result : throw new ArgumentException($"'{name}' is not a usable service name.", nameof(name));
    }
}
