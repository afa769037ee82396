namespace DonationRegistry.Hla;

/// <summary>One line of dpb_tce.csv: the T-cell-epitope group of a DPB1 allele.</summary>
/// <param name="Allele">Full allele name, e.g. <c>DPB1*04:01:01:01</c>.</param>
/// <param name="Protein">Its two-field protein name, e.g. <c>DPB1*04:01</c>.</param>
/// <param name="Version1">The V1 assignment as written (<c>3</c>, <c>3$</c>, <c>0</c> for null, or empty).</param>
/// <param name="Version2">The V2 assignment as written (<c>2a</c>, <c>3$</c>, …, or empty).</param>
public sealed record TceAssignment(string Allele, string Protein, string Version1, string Version2);
