namespace DonationRegistry.Hla;

/// <summary>What <see cref="HlaNomenclature.Reduce"/> reduces a typing to.</summary>
public enum ReductionTarget
{
    /// <summary>G group name (<c>A*01:01:01G</c>); an allele in no G group gives its three-field name (as IMGT lists it).</summary>
    G,
    /// <summary>P group name (<c>A*01:01P</c>); an allele in no P group gives its two-field name with its suffix.</summary>
    P,
    /// <summary>Two-field P-group level with a <c>g</c> suffix (<c>A*01:01g</c>), null alleles kept (<c>A*01:11N</c>).</summary>
    Lg,
    /// <summary>Two-field P-group level (<c>A*01:01</c>); null alleles give their two-field name with N.</summary>
    Lgx,
    /// <summary>Serological antigen(s) from rel_dna_ser.txt (<c>A1</c>, <c>Cw7</c>, <c>DR4</c>), <c>null</c>, or <c>unknown</c>.</summary>
    Serology,
}
