namespace DonationRegistry.Hla.Matching;

/// <summary>Operations on sorted, distinct P-group id sets (as <see cref="PositionTyping.PGroups"/> holds them).</summary>
internal static class PGroupSets
{
    /// <summary>True when the two sorted sets share an id.</summary>
    public static bool Intersect(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            if (x == y) return true;
            if (x < y) i++;
            else j++;
        }
        return false;
    }
}
