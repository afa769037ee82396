namespace DonationRegistry.SyntheticDonors;

/// <summary>A five-locus haplotype (two-field alleles) with its frequency in the modelled population.</summary>
/// <param name="A">e.g. <c>A*30:01</c>.</param>
/// <param name="C">e.g. <c>C*06:02</c>.</param>
/// <param name="B">e.g. <c>B*13:02</c>.</param>
/// <param name="Drb1">e.g. <c>DRB1*07:01</c>.</param>
/// <param name="Dqb1">e.g. <c>DQB1*02:02</c>.</param>
/// <param name="Frequency">Share of all haplotypes, e.g. 0.043.</param>
public sealed record Haplotype(string A, string C, string B, string Drb1, string Dqb1, double Frequency)
{
    /// <summary>The alleles in model locus order (A, B, C, DRB1, DQB1).</summary>
    public IReadOnlyList<string> Alleles => [A, B, C, Drb1, Dqb1];

    public override string ToString() => $"{A}~{C}~{B}~{Drb1}~{Dqb1}";
}
