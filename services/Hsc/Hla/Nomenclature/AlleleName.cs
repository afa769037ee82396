namespace DonationRegistry.Hla.Nomenclature;

/// <summary>An allele name taken apart: gene, fields (digits only) and expression suffix.</summary>
internal readonly record struct AlleleName(string Gene, string[] Fields, char? Suffix)
{
    /// <summary>The expression suffixes WHO nomenclature allows.</summary>
    public const string Suffixes = "NLSQCA";

    /// <summary>Splits a well-formed name from the release files (no validation beyond the shape).</summary>
    public static AlleleName Parse(string name)
    {
        var star = name.IndexOf('*', StringComparison.Ordinal);
        var rest = name[(star + 1)..];
        char? suffix = null;
        if (rest.Length > 0 && char.IsAsciiLetter(rest[^1]))
        {
            suffix = rest[^1];
            rest = rest[..^1];
        }
        return new AlleleName(name[..star], rest.Split(':'), suffix);
    }

    /// <summary>The name cut to at most <paramref name="fields"/> fields, suffix kept (<c>A*01:01:01:02N</c> → <c>A*01:01N</c>).</summary>
    public string Truncate(int fields)
    {
        var kept = Math.Min(fields, Fields.Length);
        return Gene + "*" + string.Join(':', Fields, 0, kept) + (Suffix is { } s ? s.ToString() : "");
    }

    /// <summary>The name without suffix at all its fields.</summary>
    public string Stem => Gene + "*" + string.Join(':', Fields);

    /// <summary>True when every field is 2–4 digits and the suffix, if any, is an expression suffix.</summary>
    public bool IsWellFormed =>
        Fields.Length is >= 1 and <= 4
        && Fields.All(f => f.Length is >= 2 and <= 4 && f.All(char.IsAsciiDigit))
        && (Suffix is null || Suffixes.Contains(Suffix.Value, StringComparison.Ordinal));
}
