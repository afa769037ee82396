namespace DonationRegistry.Hla;

/// <summary>
/// One current allele of a release as the WMDA files describe it.
/// </summary>
/// <param name="Name">Full name with gene and expression suffix, e.g. <c>A*01:01:01:02N</c>.</param>
/// <param name="GGroup">Its G group name (<c>A*01:01:01G</c>) when hla_nom_g.txt puts it in a multi-member group.</param>
/// <param name="PGroup">Its P group name (<c>A*01:01P</c>) when hla_nom_p.txt puts it in a multi-member group.</param>
/// <param name="Serology">Its serological assignment from rel_dna_ser.txt.</param>
/// <param name="FullGenomic">
/// True when Allele_status.txt says the full genomic sequence is known, false when it says otherwise, null when the release has
/// no Allele_status.txt.
/// </param>
public sealed record ImgtAllele(string Name, string? GGroup, string? PGroup, SerologyAssignment Serology, bool? FullGenomic)
{
    /// <summary>The gene, e.g. <c>A</c> or <c>DRB1</c>.</summary>
    public string Gene => Name[..Name.IndexOf('*', StringComparison.Ordinal)];

    /// <summary>The expression suffix (N, L, S, Q, C, A) or null.</summary>
    public char? ExpressionSuffix => char.IsLetter(Name[^1]) ? Name[^1] : null;

    /// <summary>True for a null (not expressed) allele, i.e. suffix N.</summary>
    public bool IsNull => Name[^1] == 'N';
}
