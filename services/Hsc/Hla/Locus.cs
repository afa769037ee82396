namespace DonationRegistry.Hla;

/// <summary>
/// The loci a donor is typed at for matching. A, B and DRB1 are required in a search, C and DQB1 optional; DPB1 is scored
/// (T-cell-epitope permissiveness), never counted as a match or mismatch.
/// </summary>
public enum Locus
{
    A,
    B,
    C,
    Drb1,
    Dqb1,
    Dpb1,
}
