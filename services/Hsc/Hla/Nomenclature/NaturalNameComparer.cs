namespace DonationRegistry.Hla.Nomenclature;

/// <summary>
/// Orders HLA names as IMGT lists them: runs of digits compare as numbers (<c>A*02:09</c> before <c>A*02:101</c>, <c>B7</c>
/// before <c>B15</c>), everything else ordinally; ties broken ordinally so the order is total and deterministic.
/// </summary>
public sealed class NaturalNameComparer : IComparer<string>
{
    public static NaturalNameComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var byNumber = CompareDigits(x.AsSpan(si, i - si), y.AsSpan(sj, j - sj));
                if (byNumber != 0) return byNumber;
            }
            else
            {
                if (x[i] != y[j]) return x[i].CompareTo(y[j]);
                i++;
                j++;
            }
        }
        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    private static int CompareDigits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var ta = a.TrimStart('0');
        var tb = b.TrimStart('0');
        if (ta.Length != tb.Length) return ta.Length.CompareTo(tb.Length);
        var byValue = ta.SequenceCompareTo(tb);
        return byValue != 0 ? byValue : a.Length.CompareTo(b.Length);
    }
}
