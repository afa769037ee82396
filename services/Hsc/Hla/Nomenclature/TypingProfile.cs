namespace DonationRegistry.Hla.Nomenclature;

/// <summary>
/// What grading needs of one interpreted position, as sorted id arrays so that "share any" is a merge walk. Built once per
/// <see cref="PositionTyping"/> instance (interpretations are cached, so once per distinct typing text).
/// </summary>
internal sealed record TypingProfile(
    int[] Alleles,
    int[] GenomicAlleles,
    int[] Proteins,
    int[] ExpressingGGroups,
    int[] NullGGroups,
    int[] Antigens,
    int? TceGroup)
{
    /// <summary>True when the two sorted arrays share an element.</summary>
    public static bool Intersects(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) return true;
            if (a[i] < b[j]) i++;
            else j++;
        }
        return false;
    }
}
