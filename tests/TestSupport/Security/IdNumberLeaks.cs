namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// Finds plaintext resident ID numbers in texts (log lines, event bodies, responses): the whole number, and any part longer than
/// masking shows (masking keeps the first and last 4: "3301**********1234") — the first 14 (region + birth date), the last 6, or
/// any 10 characters in a row.
/// </summary>
public static class IdNumberLeaks
{
    /// <summary>"the text (shortened) — shows part X of ID number N" for each text that shows too much.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> texts, IReadOnlyCollection<string> idNumbers)
    {
        var variants = idNumbers.SelectMany(Variants).Distinct(StringComparer.Ordinal).ToList();
        var leaks = new List<string>();
        foreach (var text in texts)
        {
            if (variants.FirstOrDefault(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                leaks.Add($"{Shorten(text)} — shows \"{found}\"");
            }
        }
        return leaks;
    }

    private static IEnumerable<string> Variants(string idNumber)
    {
        yield return idNumber;
        if (idNumber.Length < 14)
        {
            yield break;
        }
        yield return idNumber[..14];
        yield return idNumber[^6..];
        for (var i = 0; i + 10 <= idNumber.Length; i++)
        {
            yield return idNumber.Substring(i, 10);
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
