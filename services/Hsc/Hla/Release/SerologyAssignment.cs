namespace DonationRegistry.Hla;

/// <summary>
/// The four serology columns of rel_dna_ser.txt for one allele, as written (antigen numbers separated by <c>/</c>; <c>0</c> null,
/// <c>?</c> no serological equivalent known). Empty strings for empty columns.
/// </summary>
public sealed record SerologyAssignment(string Unambiguous, string Possible, string Assumed, string Expert)
{
    public static SerologyAssignment None { get; } = new("", "", "", "");
}
