namespace DonationRegistry.Hla.Matching;

/// <summary>Structural equality of interpreted positions (the record's own equality compares its arrays by reference).</summary>
internal sealed class PositionTypingComparer : IEqualityComparer<PositionTyping>
{
    public static PositionTypingComparer Instance { get; } = new();

    public bool Equals(PositionTyping? x, PositionTyping? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null) return false;
        return x.Locus == y.Locus && x.Form == y.Form && x.IsNull == y.IsNull
            && string.Equals(x.Written, y.Written, StringComparison.Ordinal)
            && x.PGroups.AsSpan().SequenceEqual(y.PGroups.AsSpan())
            && x.Alleles.AsSpan().SequenceEqual(y.Alleles.AsSpan());
    }

    public int GetHashCode(PositionTyping obj) =>
        HashCode.Combine(obj.Locus, obj.Form, StringComparer.Ordinal.GetHashCode(obj.Written), obj.Alleles.Length, obj.PGroups.Length);
}
