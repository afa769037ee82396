namespace DonationRegistry.Hla.Hml;

/// <summary>
/// One locus interpretation from an HML document, as the lab reported it. The GL String is not interpreted here (that needs a
/// release, see the nomenclature); it is only checked for shape and for naming one locus.
/// </summary>
/// <param name="Locus">The gene without the <c>HLA-</c> prefix, upper case, e.g. <c>A</c>, <c>DRB1</c>.</param>
/// <param name="GlString">The GL String as written (prefixes kept), with all whitespace removed.</param>
/// <param name="AlleleDb">The nomenclature source the lab names, e.g. <c>IMGT/HLA</c>.</param>
/// <param name="AlleleVersion">The release the lab interpreted with, e.g. <c>3.14.0</c>.</param>
/// <param name="Method">The typing method(s): <c>SBT-NGS</c>, <c>SBT-Sanger</c>, <c>SSO</c>, <c>SSP</c>, joined by <c>+</c> when several.</param>
/// <param name="Date">The date of the interpretation (or of the typing when the interpretation has none).</param>
public sealed record HmlTyping(
    string Locus,
    string GlString,
    string? AlleleDb,
    string? AlleleVersion,
    string? Method,
    DateOnly? Date);
