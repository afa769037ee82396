namespace DonationRegistry.Hla.Matching;

/// <summary>
/// Sort key of one result: <see cref="Primary"/> packs the ranking criteria (smaller is better), the donor id breaks ties so the
/// order is total and deterministic.
/// </summary>
internal readonly record struct RankKey(ulong Primary, Guid DonorId, int Slot) : IComparable<RankKey>
{
    public int CompareTo(RankKey other)
    {
        var primary = Primary.CompareTo(other.Primary);
        return primary != 0 ? primary : DonorId.CompareTo(other.DonorId);
    }

    public static bool operator <(RankKey left, RankKey right) => left.CompareTo(right) < 0;

    public static bool operator >(RankKey left, RankKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(RankKey left, RankKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RankKey left, RankKey right) => left.CompareTo(right) >= 0;
}
