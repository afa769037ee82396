namespace DonationRegistry.Hla;

/// <summary>
/// How well one patient position matches one donor position, best first (WMDA framework as used by ATLAS). Declared in order so
/// that a smaller value is a better grade.
/// </summary>
public enum MatchGrade
{
    /// <summary>Same allele, both typed from full genomic sequence.</summary>
    GDna,
    /// <summary>Same allele at cDNA level (at least one not full gDNA).</summary>
    CDna,
    /// <summary>Same protein (same first two fields), different allele.</summary>
    Protein,
    /// <summary>Share a G group (same antigen-binding-domain DNA).</summary>
    GGroup,
    /// <summary>Share a P group (same antigen-binding-domain protein).</summary>
    PGroup,
    /// <summary>Serology: same associated antigen.</summary>
    Associated,
    /// <summary>Serology: same split.</summary>
    Split,
    /// <summary>Serology: broad antigen of a split, or the reverse.</summary>
    Broad,
    /// <summary>One expressing and one null allele at an otherwise compatible position.</summary>
    ExpressingVsNull,
    /// <summary>No shared P group.</summary>
    Mismatch,
}
