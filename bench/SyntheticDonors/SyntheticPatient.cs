namespace DonationRegistry.SyntheticDonors;

/// <summary>
/// A synthetic patient drawn from the same haplotype model as the donors, typed at high resolution (two fields) at A, B, C, DRB1,
/// DQB1 and DPB1, as a transplant centre would send for a search.
/// </summary>
/// <param name="Id">A deterministic id.</param>
/// <param name="GlString">The typing, loci in the order A, B, C, DRB1, DQB1, DPB1.</param>
/// <param name="BirthYear">Year of birth.</param>
/// <param name="Sex"><c>M</c> or <c>F</c>.</param>
/// <param name="Abo"><c>O</c>, <c>A</c>, <c>B</c> or <c>AB</c>.</param>
/// <param name="CmvPositive">CMV serostatus.</param>
public sealed record SyntheticPatient(Guid Id, string GlString, int BirthYear, string Sex, string Abo, bool CmvPositive);
