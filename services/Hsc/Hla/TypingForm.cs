namespace DonationRegistry.Hla;

/// <summary>The written form of one typed position (DOMAIN.md section 3, "HLA typing").</summary>
public enum TypingForm
{
    /// <summary>A current allele name at 2–4 fields, possibly with an expression suffix (<c>A*02:01</c>, <c>C*04:09N</c>).</summary>
    Allele,
    /// <summary>A pre-2010 name mapped through Nomenclature_2009 (<c>A*0201</c>).</summary>
    Pre2010Allele,
    /// <summary>An allele string (<c>A*01:01/A*01:02</c> or <c>A*01:01/02</c>).</summary>
    AlleleString,
    /// <summary>A G group (<c>A*01:01:01G</c>).</summary>
    GGroup,
    /// <summary>A P group (<c>A*01:01P</c>).</summary>
    PGroup,
    /// <summary>An XX code: every allele sharing the first field (<c>A*01:XX</c>).</summary>
    XxCode,
    /// <summary>An NMDP multiple-allele code (<c>A*01:AB</c>).</summary>
    MultipleAlleleCode,
    /// <summary>A serological antigen (<c>A1</c>, <c>B15</c>, <c>DR4</c>).</summary>
    Serology,
}
