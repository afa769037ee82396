namespace DonationRegistry.Hsc.Domain.Typings;

/// <summary>The laboratory method a typing was produced with.</summary>
public enum TypingMethod
{
    Unknown = 0,
    /// <summary>Sequence-specific oligonucleotide probes.</summary>
    Sso = 1,
    /// <summary>Sequence-specific primers.</summary>
    Ssp = 2,
    /// <summary>Sanger sequence-based typing.</summary>
    Sbt = 3,
    /// <summary>Next-generation sequencing.</summary>
    Ngs = 4,
    /// <summary>Serological (antibody) typing.</summary>
    Serology = 5,
}
