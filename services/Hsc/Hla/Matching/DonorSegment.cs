namespace DonationRegistry.Hla.Matching;

/// <summary>
/// A fixed-size block of donor slots, column by column, so the scan reads only the pair-id columns and the index grows without
/// copying. A slot is written once, before it is published; afterwards only <see cref="Died"/> changes.
/// </summary>
internal sealed class DonorSegment
{
    public const int Shift = 16;
    public const int Size = 1 << Shift;
    public const int Mask = Size - 1;

    /// <summary>Pair ids per locus in <see cref="Loci.All"/> order (A, B, C, DRB1, DQB1, DPB1).</summary>
    public int[][] Pairs { get; } = [new int[Size], new int[Size], new int[Size], new int[Size], new int[Size], new int[Size]];

    public Guid[] DonorIds { get; } = new Guid[Size];

    /// <summary>The epoch from which the slot is visible.</summary>
    public int[] Born { get; } = new int[Size];

    /// <summary>The epoch from which the slot is gone (int.MaxValue while current).</summary>
    public int[] Died { get; } = new int[Size];

    /// <summary><see cref="DateOnly.DayNumber"/> of the birth date.</summary>
    public int[] BirthDays { get; } = new int[Size];

    /// <summary>Sex, ABO, CMV and the searchable flag packed (see <see cref="DonorAttributes"/>).</summary>
    public byte[] Attributes { get; } = new byte[Size];

    /// <summary>Interned region code id.</summary>
    public int[] Regions { get; } = new int[Size];
}
