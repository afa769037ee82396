namespace DonationRegistry.Hla;

/// <summary>A deleted or renamed allele name (hla_nom.txt, Deleted_alleles.txt).</summary>
/// <param name="Name">The name as it was, with gene, e.g. <c>A*01:34N</c> or <c>A*0105N</c>.</param>
/// <param name="Replacement">The current name IMGT gives for the sequence, when it gives one.</param>
/// <param name="Reason">IMGT's description, e.g. <c>Sequence renamed</c>.</param>
public sealed record DeletedAllele(string Name, string? Replacement, string Reason);
